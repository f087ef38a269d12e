// Issue 9 item 5: one signed /events URL replayed 2,000 times in 3.6 s gave 2,000 rows and "impressions 1000" from
// a single shopper. A replayed beacon (same page view) must be stored once, and a shopper or an IP sending more than
// the limit must get 429 with Retry-After and have nothing stored.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/src/http/app.js";
import { withDecisionFastPath } from "../../server/src/http/decision-fast-path.js";
import { appProxyRoutes } from "../../server/src/http/routes/app-proxy.routes.js";
import { createStorefrontService, STOREFRONT_RATE_LIMITS } from "../../server/src/services/storefront.service.js";
import { createCampaignResultsService } from "../../server/src/services/campaign-results.service.js";
import { sendDemoVisits } from "../../server/src/demo/demo-visits.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { PROXY_SECRET, proxyParams, realProxyVerifier, signProxyQuery } from "./app-proxy-signing.js";

const SHOP = "replay.myshopify.com";
// The service's clock stands still (the signature check keeps real time), so no bucket refills during a test and
// exactly the burst gets through. On the code before the limits, every request was 204 and stored.
const SHOPPER_BURST = STOREFRONT_RATE_LIMITS.shopper.burst;
const ADDRESS_BURST = STOREFRONT_RATE_LIMITS.address.burst;
const FROZEN = new Date();

interface Sent {
  status: number;
  retryAfter: string | null;
}

describe.each(DB_KINDS)("storefront event inflation on %s", (kind) => {
  let t: TestDb;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    const storefront = createStorefrontService({ db: t.db, now: () => FROZEN });
    const platform = realProxyVerifier();
    const app = createApp({
      db: t.db,
      dbKind: t.kind,
      rawMounts: [{ path: "/apps/dangol", handler: appProxyRoutes({ platform, storefront }) }],
    });
    // As main.ts serves it: the /decision fast path in front, which hands every POST to Express.
    server = createServer(withDecisionFastPath(app, { platform, storefront })).listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/apps/dangol`;
  });
  afterAll(async () => {
    server.close();
    await t.destroy();
  });

  async function post(query: URLSearchParams, body: unknown, ip: string): Promise<Sent> {
    const res = await fetch(`${base}/events?${query}`, {
      method: "POST",
      headers: { "content-type": "text/plain;charset=UTF-8", "x-forwarded-for": ip },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    return { status: res.status, retryAfter: res.headers.get("retry-after") };
  }

  /** Sends every request, `concurrency` at a time, in order. */
  async function sendAll(requests: Array<() => Promise<Sent>>, concurrency = 20): Promise<Sent[]> {
    const out: Sent[] = new Array(requests.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < requests.length; i = next++) out[i] = await requests[i]();
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return out;
  }

  const rows = async (customerId: string, kind = "impression") =>
    Number(
      (
        await t.db
          .selectFrom("campaign_events")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("shop_domain", "=", SHOP)
          .where("customer_id", "=", customerId)
          .where("kind", "=", kind)
          .executeTakeFirstOrThrow()
      ).n,
    );

  function expectLimited(sent: Sent[]) {
    const limited = sent.filter((s) => s.status === 429);
    for (const s of limited) expect(Number(s.retryAfter)).toBeGreaterThanOrEqual(1);
    return limited.length;
  }

  it("stores a signed impression replayed 2,000 times once, and answers 429 with Retry-After beyond the limit", async () => {
    const query = signProxyQuery(proxyParams(SHOP, "111"));
    const beacon = { kind: "impression", campaign: "win_back", pageView: randomUUID() };
    const sent = await sendAll(Array.from({ length: 2000 }, () => () => post(query, beacon, "198.51.100.7")));

    expect(sent.filter((s) => s.status === 204).length).toBe(SHOPPER_BURST);
    expect(expectLimited(sent)).toBe(2000 - SHOPPER_BURST);
    expect(await rows("111")).toBe(1);
    expect((await createCampaignResultsService({ db: t.db }).results(SHOP, "win_back")).impressions).toBe(1);
  });

  it("bounds a replayed beacon without a page-view id (an older script's) by the per-shopper limit", async () => {
    const query = signProxyQuery(proxyParams(SHOP, "110"));
    const sent = await sendAll(
      Array.from(
        { length: 500 },
        () => () => post(query, { kind: "impression", campaign: "win_back" }, "198.51.100.6"),
      ),
    );
    expect(sent.filter((s) => s.status === 204).length).toBe(SHOPPER_BURST);
    expect(expectLimited(sent)).toBe(500 - SHOPPER_BURST);
    expect(await rows("110")).toBe(SHOPPER_BURST);
  });

  it("answers a replay within the limit with an idempotent 204", async () => {
    const query = signProxyQuery(proxyParams(SHOP, "112"));
    const beacon = { kind: "click", campaign: "win_back", pageView: randomUUID() };
    for (let i = 0; i < 3; i++) expect((await post(query, beacon, "198.51.100.8")).status).toBe(204);
    expect(await rows("112", "click")).toBe(1);
  });

  it("stores nothing beyond the per-shopper limit, whatever page-view ids the shopper makes up", async () => {
    const query = signProxyQuery(proxyParams(SHOP, "113"));
    const sent = await sendAll(
      Array.from(
        { length: 300 },
        () => () => post(query, { kind: "impression", campaign: "win_back", pageView: randomUUID() }, "198.51.100.9"),
      ),
    );
    expect(sent.filter((s) => s.status === 204).length).toBe(SHOPPER_BURST);
    expect(expectLimited(sent)).toBe(300 - SHOPPER_BURST);
    expect(await rows("113")).toBe(SHOPPER_BURST);
  });

  it("limits one client IP across many shoppers, keyed on the address Shopify appended, not on what the browser sent", async () => {
    const ip = "203.0.113.50";
    const customers = Array.from({ length: 400 }, (_, i) => String(5000 + i));
    // Each shopper sends one beacon (well inside their own limit); the browser varies the X-Forwarded-For it sends,
    // Shopify's proxy appends the real address last.
    const sent = await sendAll(
      customers.map(
        (id, i) => () =>
          post(
            signProxyQuery(proxyParams(SHOP, id)),
            { kind: "visit", pageView: randomUUID() },
            `10.0.${i % 250}.1, ${ip}`,
          ),
      ),
    );
    expect(sent.filter((s) => s.status === 204).length).toBe(ADDRESS_BURST);
    expect(expectLimited(sent)).toBe(400 - ADDRESS_BURST);
    const stored = await t.db
      .selectFrom("campaign_events")
      .select("customer_id")
      .where("shop_domain", "=", SHOP)
      .where("kind", "=", "visit")
      .where("customer_id", "in", customers)
      .execute();
    expect(stored.length).toBe(ADDRESS_BURST);

    // Another address is not affected.
    expect(
      (await post(signProxyQuery(proxyParams(SHOP, "9001")), { kind: "visit", pageView: randomUUID() }, "203.0.113.51"))
        .status,
    ).toBe(204);
  });

  it("accepts every demo shopper's visit: the demo plays Shopify's proxy, so each arrives with its own address", async () => {
    const shoppers = Array.from({ length: 2 * ADDRESS_BURST }, (_, i) => String(70000 + i));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await sendDemoVisits({ appBaseUrl: origin, shop: SHOP, apiSecret: PROXY_SECRET }, shoppers)).toBe(
      shoppers.length,
    );
  });
});
