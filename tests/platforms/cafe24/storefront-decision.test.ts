// GET /cafe24/storefront/decision: the member id comes unsigned from Cafe24's Front SDK, so the answer is the
// mall's public banner: the same bytes for the member holding a live coupon, any other member id, and (apart
// from the member/guest wording) a guest; never the code. Every bad request is a clear 4xx and stores nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPublishedDecision } from "../../../server/src/db/repositories/decision.repository.js";
import { CAFE24_COUPON_PAGE } from "../../../server/src/domain/campaigns/cta.js";
import { DB_KINDS } from "../../helpers/db-kinds.js";
import {
  LAPSED_MEMBER,
  STOREFRONT_MALL,
  startCafe24StorefrontHarness,
  type Cafe24StorefrontHarness,
} from "./storefront-harness.js";

const TABLES = ["shops", "campaign_events", "coupons", "published_decisions", "campaigns", "customer_last_visits"];

describe.each(DB_KINDS)("Cafe24 storefront decision (%s)", (kind) => {
  let h: Cafe24StorefrontHarness;
  beforeAll(async () => {
    h = await startCafe24StorefrontHarness(kind);
  }, 60_000);
  afterAll(async () => h?.close());

  const decision = (query: string, init?: RequestInit) => fetch(`${h.base}/cafe24/storefront/decision?${query}`, init);
  const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await h.count(t)])));

  it("the member with a live coupon gets the mall's public banner: no code, same bytes as any other member id", async () => {
    // The published (personal) decision does hold the code: that is what must not leak.
    const personal = await findPublishedDecision(h.db.db, STOREFRONT_MALL, LAPSED_MEMBER);
    expect(personal!.decision.banner?.coupon?.code).toBe(h.code);
    // Published for a Cafe24 mall, even the personal banner links the coupon box, never Shopify's /discount/CODE.
    expect(personal!.decision.banner?.ctaUrl).toBe(CAFE24_COUPON_PAGE);

    const res = await decision(`mall_id=${STOREFRONT_MALL}&shop_no=1&member_id=${LAPSED_MEMBER}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const text = await res.text();
    expect(text).not.toContain(h.code);
    expect(text).not.toContain(LAPSED_MEMBER);
    expect(text).not.toMatch(/Mina|discount/);
    const body = JSON.parse(text);
    expect(body).toEqual({ version: 1, banner: expect.objectContaining({ campaign: "win_back", coupon: null }) });
    expect(body.banner.ctaUrl).toBe(CAFE24_COUPON_PAGE);
    expect(body.banner.title.ko).toBeTruthy();

    const stranger = await (await decision(`mall_id=${STOREFRONT_MALL}&member_id=m99999`)).text();
    expect(stranger).toBe(text);
    const guest = JSON.parse(await (await decision(`mall_id=${STOREFRONT_MALL}`)).text());
    expect(guest.banner).toMatchObject({ campaign: "win_back", coupon: null, ctaUrl: "/member/login.html" });
  });

  it.each([
    ["an unknown mall", "mall_id=nosuchmall", 404],
    ["a malformed mall id", "mall_id=Bad_Mall!", 400],
    ["no mall id", "shop_no=1", 400],
    ["a malformed shop number", `mall_id=${STOREFRONT_MALL}&shop_no=0`, 400],
    ["a malformed member id", `mall_id=${STOREFRONT_MALL}&member_id=${"x".repeat(21)}`, 400],
    ["a member id with markup", `mall_id=${STOREFRONT_MALL}&member_id=%3Cscript%3E`, 400],
    ["an unknown parameter", `mall_id=${STOREFRONT_MALL}&customer_id=1`, 400],
    ["a repeated parameter", `mall_id=${STOREFRONT_MALL}&mall_id=othermall`, 400],
    ["an oversized query", `mall_id=${STOREFRONT_MALL}&member_id=${"a".repeat(400)}`, 414],
  ])("refuses %s with %i and stores nothing", async (_what, query, status) => {
    const before = await counts();
    const res = await decision(query);
    expect(res.status).toBe(status);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body.error.message).toBeTruthy();
    expect(JSON.stringify(body)).not.toContain(h.code);
    expect(await counts()).toEqual(before);
  });

  it.each(["POST", "PUT", "DELETE"])("refuses %s with 405 (Allow: GET) and stores nothing", async (method) => {
    const before = await counts();
    const res = await decision(`mall_id=${STOREFRONT_MALL}&member_id=${LAPSED_MEMBER}`, {
      method,
      body: JSON.stringify({ kind: "impression" }),
    });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect(await counts()).toEqual(before);
  });

  it("serves the script with the bytes whose sha384 is the registered integrity", async () => {
    const res = await fetch(h.platformModule.storefrontScript.scriptUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const { createHash } = await import("node:crypto");
    const sri = `sha384-${createHash("sha384")
      .update(Buffer.from(await res.arrayBuffer()))
      .digest("base64")}`;
    expect(sri).toBe(h.platformModule.storefrontScript.asset.integrity);
  });
});

describe("Cafe24 storefront decision rate limit", () => {
  it("answers 429 with Retry-After past the per-address limit, without asking the service", async () => {
    const express = (await import("express")).default;
    const { cafe24StorefrontRoutes } = await import(
      "../../../server/src/platforms/cafe24/storefront/storefront-routes.js"
    );
    let asked = 0;
    const app = express().use(
      "/s",
      cafe24StorefrontRoutes({
        decisions: {
          publicDecisionJson: async () => {
            asked++;
            return '{"version":1,"banner":null}';
          },
        },
        rateLimit: { burst: 2, perMinute: 1 },
      }),
    );
    const server = await new Promise<import("node:http").Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as import("node:net").AddressInfo).port}/s/decision?mall_id=demo`;
    try {
      // A spoofed X-Forwarded-For does not buy a fresh bucket: browsers reach us directly.
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await fetch(url, { headers: { "x-forwarded-for": `10.0.0.${i}` } })).status);
      expect(statuses).toEqual([200, 200, 429]);
      const limited = await fetch(url);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(asked).toBe(2);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
