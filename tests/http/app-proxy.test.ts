import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import { createStorefrontService } from "../../server/src/services/storefront.service.js";
import { savePublishedDecisions } from "../../server/src/db/repositories/decision.repository.js";
import { countCampaignEvents } from "../../server/src/db/repositories/campaign-event.repository.js";
import type { StorefrontDecision } from "../../server/src/domain/campaigns/storefront-decision.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { serveAppProxy } from "./app-proxy-server.js";
import { proxyParams, signProxyQuery } from "./app-proxy-signing.js";

const SHOP = "demo.myshopify.com";
const decisionOf = (customerId: string, code: string): StorefrontDecision => ({
  version: 1,
  customerId,
  banner: {
    campaign: "win_back",
    title: { en: "t", ko: "t" },
    body: { en: "b", ko: "b" },
    ctaLabel: { en: "c", ko: "c" },
    ctaUrl: "/",
    coupon: { code, expiresAt: "2026-12-01T00:00:00.000Z" },
  },
  notice: null,
  decidedAt: "2026-11-22T00:00:00.000Z",
});

// Run twice: through Express alone, and through the node:http fast path main.ts puts in front of it. Both must answer alike.
describe.each(["express", "fast path"] as const)("app proxy /apps/dangol (%s)", (door) => {
  let t: TestDb;
  let server: Server;
  let base: string;
  const dismissed: string[] = [];

  beforeAll(async () => {
    t = await createTestDb();
    const storefront = createStorefrontService({ db: t.db, onCustomerChanged: async (_s, id) => dismissed.push(id) });
    ({ server, base } = await serveAppProxy(t, door, storefront));
    await savePublishedDecisions(t.db, SHOP, [
      {
        customerId: "111",
        decision: decisionOf("111", "DG-MINE"),
        verdicts: [],
        assignments: [],
        decidedAt: new Date(),
        publishedAt: new Date(),
      },
      {
        customerId: "222",
        decision: decisionOf("222", "DG-THEIRS"),
        verdicts: [],
        assignments: [],
        decidedAt: new Date(),
        publishedAt: new Date(),
      },
    ]);
  });
  afterAll(async () => {
    server.close();
    await t.destroy();
  });
  beforeEach(() => {
    dismissed.length = 0;
  });

  const get = (q: URLSearchParams | string) => fetch(`${base}/decision?${q}`);
  const post = (q: URLSearchParams | string, body: string, type = "text/plain;charset=UTF-8") =>
    fetch(`${base}/events?${q}`, { method: "POST", headers: { "content-type": type }, body });
  const impressions = async () => (await countCampaignEvents(t.db, SHOP, "win_back")).impression ?? 0;

  it("answers a signed logged-in request with that customer's own decision", async () => {
    const res = await get(signProxyQuery(proxyParams(SHOP, "111")));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await res.json();
    expect(body.customerId).toBe("111");
    expect(body.banner.coupon.code).toBe("DG-MINE");
  });

  it("refuses any param besides Shopify's own, signed or not: a page's customer_id never picks the shopper", async () => {
    const q = signProxyQuery({ ...proxyParams(SHOP, "111") });
    const res = await get(`${q}&customer_id=222`);
    expect(res.status).toBe(401);
    // Shopify signs whatever the shopper's URL carried; we still accept only its own params (our storefront adds none).
    const signedWithExtra = await get(signProxyQuery({ ...proxyParams(SHOP, "111"), customer_id: "222" }));
    expect(signedWithExtra.status).toBe(401);
    expect(await signedWithExtra.text()).not.toContain("DG-THEIRS");
  });

  it("refuses signed values Shopify never sends (not a shop domain, not a numeric id, another proxy prefix)", async () => {
    for (const params of [
      proxyParams("evil.example.com", "111"),
      proxyParams(SHOP, "0111"),
      proxyParams(SHOP, "gid://shopify/Customer/111"),
      { ...proxyParams(SHOP, "111"), path_prefix: "/apps/other" },
    ]) {
      expect((await get(signProxyQuery(params))).status, JSON.stringify(params)).toBe(401);
    }
  });

  it("reads the raw query: percent-encoded names and values, and Shopify's own ordering, are all fine", async () => {
    const signed = signProxyQuery(proxyParams(SHOP, "111"));
    const reordered = [...signed]
      .reverse()
      .map(([k, v]) => `${encodeURIComponent(k).replace("shop", "sh%6Fp")}=${encodeURIComponent(v)}`)
      .join("&");
    const res = await get(reordered);
    expect(res.status).toBe(200);
    expect((await res.json()).customerId).toBe("111");
  });

  it("rejects swapping logged_in_customer_id after signing (forged)", async () => {
    const q = signProxyQuery(proxyParams(SHOP, "111"));
    q.set("logged_in_customer_id", "222");
    const res = await get(q);
    expect(res.status).toBe(401);
    expect(JSON.stringify(await res.json())).not.toContain("DG-THEIRS");
  });

  it("rejects a repeated logged_in_customer_id", async () => {
    const q = signProxyQuery(proxyParams(SHOP, "111"));
    q.append("logged_in_customer_id", "222");
    expect((await get(q)).status).toBe(401);
  });

  it("rejects a signature made with another secret, a stale timestamp (>90 s) and a missing signature", async () => {
    expect((await get(signProxyQuery(proxyParams(SHOP, "111"), "wrong-secret"))).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 91;
    expect((await get(signProxyQuery(proxyParams(SHOP, "111", stale)))).status).toBe(401);
    const future = Math.floor(Date.now() / 1000) + 91;
    expect((await get(signProxyQuery(proxyParams(SHOP, "111", future)))).status).toBe(401);
    expect((await get(new URLSearchParams(proxyParams(SHOP, "111")))).status).toBe(401);
    const { timestamp: _drop, ...noTimestamp } = proxyParams(SHOP, "111");
    expect((await get(signProxyQuery(noTimestamp))).status).toBe(401);
  });

  it("gives a guest the non-personal fallback with no coupon", async () => {
    const res = await get(signProxyQuery(proxyParams(SHOP, "")));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: 1, customerId: "", banner: null, notice: null });
  });

  it("stores a signed beacon (text/plain or JSON) and answers 204", async () => {
    const before = await impressions();
    const r1 = await post(
      signProxyQuery(proxyParams(SHOP, "111")),
      JSON.stringify({ kind: "impression", campaign: "win_back" }),
    );
    const r2 = await post(
      signProxyQuery(proxyParams(SHOP, "111")),
      JSON.stringify({ kind: "impression", campaign: "win_back" }),
      "application/json",
    );
    expect([r1.status, r2.status]).toEqual([204, 204]);
    expect(await impressions()).toBe(before + 2);
  });

  it("republishes the shopper after a dismissal", async () => {
    const res = await post(
      signProxyQuery(proxyParams(SHOP, "111")),
      JSON.stringify({ kind: "dismiss", campaign: "win_back" }),
    );
    expect(res.status).toBe(204);
    expect(dismissed).toEqual(["111"]);
  });

  it("stores nothing for forged or stale beacons", async () => {
    const before = await impressions();
    const forged = signProxyQuery(proxyParams(SHOP, "111"), "wrong-secret");
    const stale = signProxyQuery(proxyParams(SHOP, "111", Math.floor(Date.now() / 1000) - 300));
    for (const q of [forged, stale, new URLSearchParams(proxyParams(SHOP, "111"))]) {
      expect((await post(q, JSON.stringify({ kind: "impression", campaign: "win_back" }))).status).toBe(401);
    }
    expect(await impressions()).toBe(before);
  });

  it("rejects bad bodies with 400 and stores nothing", async () => {
    const before = await impressions();
    for (const body of [
      "{oops",
      JSON.stringify({ kind: "impression", campaign: "nope" }),
      JSON.stringify({ kind: "buy", campaign: "win_back" }),
      "x".repeat(5000),
    ]) {
      const res = await post(signProxyQuery(proxyParams(SHOP, "111")), body);
      expect([400, 413]).toContain(res.status);
    }
    expect(await impressions()).toBe(before);
  });

  it("does not store a guest's campaign beacon", async () => {
    const before = await impressions();
    expect(
      (await post(signProxyQuery(proxyParams(SHOP, "")), JSON.stringify({ kind: "impression", campaign: "win_back" })))
        .status,
    ).toBe(204);
    expect(await impressions()).toBe(before);
  });

  it("stores a logged-in visit but not a guest's (anonymous traffic cannot grow the table)", async () => {
    const visits = async () =>
      (await t.db.selectFrom("campaign_events").select("customer_id").where("kind", "=", "visit").execute()).map(
        (r) => r.customer_id,
      );
    const before = await visits();
    expect((await post(signProxyQuery(proxyParams(SHOP, "")), '{"kind":"visit"}')).status).toBe(204);
    expect(await visits()).toEqual(before);
    expect((await post(signProxyQuery(proxyParams(SHOP, "501")), '{"kind":"visit"}')).status).toBe(204);
    expect(await visits()).toEqual([...before, "501"]);
  });
});
