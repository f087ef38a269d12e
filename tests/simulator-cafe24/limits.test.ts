// The Cafe24 simulator refuses what Cafe24 refuses: search windows over 3 months, offsets past 15,000, limits
// over 1,000, calls past the bucket (429 with the usage headers), one-minute codes used late or twice, reused
// refresh tokens; and it sends webhooks with the key header, checks script tags' integrity, issues coupons once.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCafe24Simulator, type Cafe24SimulatorHandle } from "../../server/src/simulator-cafe24/index.js";
import { CAFE24_APP } from "../platforms/cafe24/harness.js";

const MALL = "limitmall";
let sim: Cafe24SimulatorHandle;
let token: string;

const admin = (path: string, init: RequestInit = {}, bearer = token) =>
  fetch(`${sim.baseUrlFor(MALL)}/api/v2/admin${path}`, {
    ...init,
    headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json", ...init.headers },
  });

beforeAll(async () => {
  sim = await startCafe24Simulator({
    app: CAFE24_APP,
    malls: [{ mallId: MALL, seed: { until: new Date("2009-12-08T00:00:00Z") } }, { mallId: "tinymall" }],
    bucket: { size: 1000, drainPerSecond: 1000, quotaCalls: 100_000 },
  });
  token = sim.installApp(MALL).access_token;
});
afterAll(async () => sim?.close());

describe("Cafe24 simulator: orders", () => {
  it("lists a window's orders in order-date order, in won, with items", async () => {
    const res = await admin("/orders?start_date=2009-12-01&end_date=2009-12-08&limit=1000&embed=items");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-api-call-limit")).toMatch(/^\d+\/1000$/);
    const { orders } = (await res.json()) as { orders: Array<Record<string, any>> };
    expect(orders.length).toBe(sim.mall(MALL).orders.length);
    expect(orders[0].order_id).toMatch(/^200912\d\d-\d{7}$/);
    expect(orders[0].order_date).toMatch(/\+09:00$/);
    expect(orders[0].currency).toBe("KRW");
    const dates = orders.map((o) => Date.parse(o.order_date));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    for (const o of orders) expect(o.payment_amount).toMatch(/^\d+\.00$/);
    expect(orders.some((o) => o.items.length > 1)).toBe(true);
    expect(orders.some((o) => o.member_id === "")).toBe(true); // guests
    const count = await (await admin("/orders/count?start_date=2009-12-01&end_date=2009-12-08")).json();
    expect(count).toEqual({ count: orders.length });
  });

  it("refuses a search period over 3 months with Cafe24's 422 error shape", async () => {
    const ok = await admin("/orders/count?start_date=2009-01-01&end_date=2009-03-31");
    expect(ok.status).toBe(200);
    const res = await admin("/orders?start_date=2009-01-01&end_date=2009-04-01");
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: number; message: string } };
    expect(body.error.code).toBe(422);
    expect(body.error.message).toContain("3 months");
    expect((await admin("/orders/count?start_date=2009-01-01&end_date=2009-04-01")).status).toBe(422);
    expect((await admin("/orders?start_date=2009-01-01")).status).toBe(422);
    expect((await admin("/orders?start_date=2009-02-01&end_date=2009-01-01")).status).toBe(422);
  });

  it("refuses an offset past 15,000 and a limit past 1,000", async () => {
    const period = "start_date=2009-12-01&end_date=2009-12-07";
    expect((await admin(`/orders?${period}&offset=15000`)).status).toBe(200);
    const past = await admin(`/orders?${period}&offset=15001`);
    expect(past.status).toBe(422);
    expect(((await past.json()) as { error: { message: string } }).error.message).toContain("offset");
    expect((await admin(`/orders?${period}&limit=1001`)).status).toBe(422);
    expect((await admin(`/orders?${period}&limit=0`)).status).toBe(422);
    expect((await admin("/customersprivacy?offset=8001")).status).toBe(422);
  });

  it("answers 401 without a valid token, and for another mall's token", async () => {
    expect((await admin("/orders/count?start_date=2009-12-01&end_date=2009-12-07", {}, "nope")).status).toBe(401);
    const other = sim.installApp("tinymall").access_token;
    expect((await admin("/orders/count?start_date=2009-12-01&end_date=2009-12-07", {}, other)).status).toBe(401);
  });
});

describe("Cafe24 simulator: call bucket", () => {
  it("answers 429 once the bucket is full, with X-Api-Call-Limit, and again after it drains", async () => {
    const bucketSim = await startCafe24Simulator({
      app: CAFE24_APP,
      malls: [{ mallId: MALL }],
      bucket: { size: 5, drainPerSecond: 2 },
    });
    try {
      const t = bucketSim.installApp(MALL).access_token;
      const call = () =>
        fetch(`${bucketSim.baseUrlFor(MALL)}/api/v2/admin/store`, { headers: { authorization: `Bearer ${t}` } });
      const limits: string[] = [];
      for (let i = 0; i < 5; i++) limits.push((await call()).headers.get("x-api-call-limit")!);
      expect(limits[4]).toBe("5/5");
      const refused = await call();
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: { code: number } }).error.code).toBe(429);
      bucketSim.clock.advance(1000); // drains 2 calls
      expect((await call()).status).toBe(200);
      expect(bucketSim.callStats(MALL)).toMatchObject({ refused429: 1 });
    } finally {
      await bucketSim.close();
    }
  });

  it("blocks once the usage quota is spent, says for how long, and extends the block while called", async () => {
    const quotaSim = await startCafe24Simulator({
      app: CAFE24_APP,
      malls: [{ mallId: MALL }],
      bucket: { size: 100, quotaCalls: 4, quotaPeriodSeconds: 60 },
    });
    try {
      const t = quotaSim.installApp(MALL).access_token;
      const call = () =>
        fetch(`${quotaSim.baseUrlFor(MALL)}/api/v2/admin/store`, { headers: { authorization: `Bearer ${t}` } });
      for (let i = 0; i < 3; i++) expect((await call()).headers.get("x-cafe24-call-remain")).toBeNull();
      const last = await call();
      expect(last.status).toBe(200);
      expect(last.headers.get("x-cafe24-call-usage")).toBe("100.00");
      const blocked = await call();
      expect(blocked.status).toBe(429);
      const remain = Number(blocked.headers.get("x-cafe24-call-remain"));
      expect(remain).toBeGreaterThan(59);
      const again = await call();
      expect(Number(again.headers.get("x-cafe24-call-remain"))).toBeGreaterThan(remain);
    } finally {
      await quotaSim.close();
    }
  });
});

describe("Cafe24 simulator: OAuth", () => {
  const authorize = (state: string | null) => {
    const url = new URL(`${sim.baseUrlFor(MALL)}/api/v2/oauth/authorize`);
    url.searchParams.set("response_type", "code");
    url.searchParams.set("client_id", CAFE24_APP.clientId);
    url.searchParams.set("redirect_uri", CAFE24_APP.redirectUri);
    url.searchParams.set("scope", "mall.read_order,mall.read_privacy");
    if (state) url.searchParams.set("state", state);
    return fetch(url, { redirect: "manual" });
  };
  const basic = `Basic ${Buffer.from(`${CAFE24_APP.clientId}:${CAFE24_APP.clientSecret}`).toString("base64")}`;
  const tokenCall = (form: Record<string, string>, authorization = basic) =>
    fetch(`${sim.baseUrlFor(MALL)}/api/v2/oauth/token`, {
      method: "POST",
      headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
  const codeOf = async () => new URL((await authorize("s1")).headers.get("location")!).searchParams.get("code")!;

  it("requires state and returns it with a code that works once, within a minute", async () => {
    expect((await authorize(null)).status).toBe(400);
    const res = await authorize("xyz");
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(location.searchParams.get("state")).toBe("xyz");
    const code = location.searchParams.get("code")!;
    const form = { grant_type: "authorization_code", code, redirect_uri: CAFE24_APP.redirectUri };
    expect((await tokenCall(form, "Basic bm86bm8=")).status).toBe(401);
    const code2 = await codeOf();
    const ok = await tokenCall({ ...form, code: code2 });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Record<string, string>;
    expect(Date.parse(`${body.expires_at}+09:00`) - Date.parse(`${body.issued_at}+09:00`)).toBe(2 * 3_600_000);
    expect(Date.parse(`${body.refresh_token_expires_at}+09:00`) - Date.parse(`${body.issued_at}+09:00`)).toBe(
      14 * 86_400_000,
    );
    expect((await tokenCall({ ...form, code: code2 })).status).toBe(400); // used once
    const late = await codeOf();
    sim.clock.advance(61_000);
    const expired = await tokenCall({ ...form, code: late });
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("rotates the refresh token and refuses the old one; access tokens die after 2 hours", async () => {
    const first = sim.installApp(MALL);
    const rotated = await tokenCall({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(rotated.status).toBe(200);
    const next = (await rotated.json()) as { refresh_token: string; access_token: string };
    expect(next.refresh_token).not.toBe(first.refresh_token);
    const reused = await tokenCall({ grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: "invalid_grant" });
    expect((await admin("/store", {}, next.access_token)).status).toBe(200);
    sim.clock.advance(2 * 3_600_000);
    expect((await admin("/store", {}, next.access_token)).status).toBe(401);
  });
});

describe("Cafe24 simulator: webhooks, script tags, coupons", () => {
  let receiver: Server;
  const received: Array<{ key: string | undefined; body: any }> = [];
  beforeAll(async () => {
    token = sim.installApp(MALL).access_token; // the OAuth tests moved the clock past the first token's 2 hours
    receiver = createServer((req, res) => {
      let text = "";
      req.on("data", (c) => (text += c));
      req.on("end", () => {
        received.push({ key: req.headers["x-api-key"] as string | undefined, body: JSON.parse(text) });
        res.end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    sim.webhooks.subscribe(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, MALL);
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  it("sends order events and app deletion with the x-api-key header", async () => {
    const member = [...sim.mall(MALL).customers.keys()][0];
    const order = sim.placeOrder(MALL, {
      memberId: member,
      items: [
        {
          productNo: 7,
          productCode: "P0000007",
          variantCode: "P0000007000A",
          productName: "Mug",
          quantity: 2,
          price: 4500,
        },
      ],
    });
    sim.cancelOrder(MALL, order.orderId);
    await sim.webhooks.drain();
    expect(received.map((r) => r.body.event_no)).toEqual([90023, 90026]);
    expect(received.every((r) => r.key === CAFE24_APP.webhookApiKey)).toBe(true);
    expect(received[0].body.resource).toMatchObject({ mall_id: MALL, order_id: order.orderId, member_id: member });
  });

  it("checks script tags' src and integrity and refuses the same src twice", async () => {
    const post = (request: Record<string, unknown>) =>
      admin("/scripttags", { method: "POST", body: JSON.stringify({ shop_no: 1, request }) });
    const src = "https://dangol.example/cafe24/banner.js";
    expect((await post({ src, display_location: ["all"], integrity: "md5-abc" })).status).toBe(422);
    expect((await post({ src: "http://evil.example/x.js", display_location: ["all"] })).status).toBe(422);
    const created = await post({
      src,
      display_location: ["all"],
      integrity: "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC",
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as any).scripttag.integrity).toMatch(/^sha384-/);
    expect((await post({ src, display_location: ["all"] })).status).toBe(422);
  });

  it("creates a coupon and issues it to a member once", async () => {
    const member = [...sim.mall(MALL).customers.keys()][1];
    const created = await admin("/coupons", {
      method: "POST",
      body: JSON.stringify({
        shop_no: 1,
        request: {
          coupon_name: "DANGOL-TEST",
          benefit_type: "B",
          benefit_percentage: 10,
          available_period_type: "F",
          available_begin_datetime: "2026-12-01T00:00:00+09:00",
          available_end_datetime: "2026-12-31T23:59:59+09:00",
        },
      }),
    });
    expect(created.status).toBe(201);
    const couponNo = ((await created.json()) as any).coupon.coupon_no;
    const issue = () =>
      admin(`/coupons/${couponNo}/issues`, {
        method: "POST",
        body: JSON.stringify({
          shop_no: 1,
          request: { issued_member_scope: "M", member_id: member, allow_duplication: "F" },
        }),
      });
    expect((await issue()).status).toBe(201);
    expect((await issue()).status).toBe(422);
    const list = (await (await admin(`/coupons/${couponNo}/issues?member_id=${member}`)).json()) as any;
    expect(list.issues).toHaveLength(1);
  });
});
