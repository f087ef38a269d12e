// The CommercePlatform contract for the Cafe24 adapter on the Cafe24 simulator: the shared suite
// (commerce-platform.contract.ts) for what every platform promises, then what only Cafe24 has (re-scan for
// updatedSince, counts, member coupons, webhook keys, fetching a named order) and what it lacks (bulk export,
// metafields, app proxy), which must be refused outright (non-retriable PlatformError or null), never imitated.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPlatformContract } from "./commerce-platform.contract.js";
import { startCafe24Harness, CAFE24_APP, type Cafe24Harness } from "../platforms/cafe24/harness.js";
import { CAFE24_CAPABILITIES, type Cafe24Module } from "../../server/src/platforms/cafe24/index.js";

const MALL = "contractmall";
const DAY = 86_400_000;
let h: Cafe24Harness;
let m: Cafe24Module;

beforeAll(async () => {
  h = await startCafe24Harness({
    malls: [
      {
        mallId: MALL,
        seed: {
          until: new Date("2009-12-04T00:00:00Z"),
          maxCustomers: 12,
          includeGuests: false,
          timeShiftTo: new Date(Date.now() - DAY),
        },
      },
    ],
  });
  m = h.module({ historyStart: () => new Date(Date.now() - 30 * DAY) });
  await h.install(MALL, m);
});
afterAll(async () => h?.close());

const someMember = () => [...h.sim.mall(MALL).customers.keys()][0];

runPlatformContract(
  "Cafe24 adapter → Cafe24 simulator",
  { capabilities: CAFE24_CAPABILITIES, hmacSigned: false },
  () => ({
    platform: m.platform,
    shop: MALL,
    expected: () => ({
      orders: h.sim.mall(MALL).orders.length,
      customers: h.sim.mall(MALL).customers.size,
      someCustomerId: someMember(),
    }),
    unknownShop: "neverinstalled",
    unknownOrderId: "20990101-0000001",
  }),
);

describe("Cafe24 adapter → Cafe24 simulator: what only Cafe24 has or lacks", () => {
  it("filters orders by updatedSince by re-reading recent windows (Cafe24 has no such filter)", async () => {
    const since = new Date(h.sim.clock.now() - 1000);
    const cancelled = h.sim.cancelOrder(MALL, h.sim.mall(MALL).orders[0].orderId);
    const changed: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await m.platform.listOrders(MALL, { updatedSince: since, cursor, pageSize: 100 });
      for (const o of page.items) {
        expect(o.updatedAt.getTime()).toBeGreaterThanOrEqual(since.getTime());
        changed.push(o.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(changed).toEqual([cancelled.orderId]);
  });

  it("counts orders for progress totals", async () => {
    expect(await m.platform.countOrders(MALL, {})).toBe(h.sim.mall(MALL).orders.length);
    expect(await m.platform.countOrders(MALL, { updatedSince: new Date() })).toBeNull();
  });

  it("has no bulk export, customer metafields or app proxy, and says so instead of imitating them", async () => {
    expect(m.platform.capabilities).toMatchObject({ bulkExport: false, storefrontDelivery: "script-asks-server" });
    await expect(m.platform.startBulkExport(MALL, {})).rejects.toMatchObject({ retriable: false });
    await expect(m.platform.getBulkExport(MALL, "1")).rejects.toMatchObject({ retriable: false });
    expect(() => m.platform.readBulkExport(MALL, "1")).toThrow(/bulk export/);
    await expect(m.platform.setCustomerMetafields(MALL, [])).rejects.toMatchObject({ retriable: false });
    expect(m.platform.verifyAppProxy("shop=x&logged_in_customer_id=42&signature=00")).toBeNull();
  });

  it("issues a member coupon once: a retry after a lost answer yields the same coupon and issue", async () => {
    const customerId = someMember();
    const endsAt = new Date(Date.now() + 7 * DAY);
    const request = {
      customerId,
      code: `DANGOL-${Date.now()}`,
      title: "Back soon",
      percentOff: 0.1,
      startsAt: new Date(),
      endsAt,
    };
    const coupon = await m.platform.createCustomerCoupon(MALL, request);
    expect(coupon).toMatchObject({ customerId, endsAt });
    const again = await m.platform.createCustomerCoupon(MALL, request);
    expect(again.discountId).toBe(coupon.discountId);
    const mall = h.sim.mall(MALL);
    expect([...mall.coupons.values()].filter((c) => c.couponName === request.code)).toHaveLength(1);
    expect(mall.issues.filter((i) => i.couponNo === coupon.discountId)).toHaveLength(1);
    expect(mall.coupons.get(coupon.discountId)?.benefitPercentage).toBe(10);
  });

  it("verifies webhooks by their key: accepts the configured key, rejects a wrong or missing one", async () => {
    const body = JSON.stringify({ event_no: 90023, resource: { mall_id: MALL, order_id: "20261201-0000001" } });
    const ok = await m.platform.verifyWebhook(Buffer.from(body), { "x-api-key": CAFE24_APP.webhookApiKey });
    expect(ok).toMatchObject({ topic: "90023", shopDomain: MALL });
    expect(await m.platform.verifyWebhook(Buffer.from(body), { "x-api-key": "not-the-key" })).toBeNull();
    expect(await m.platform.verifyWebhook(Buffer.from(body), {})).toBeNull();
    expect(await m.platform.verifyWebhook(Buffer.from("{"), { "x-api-key": CAFE24_APP.webhookApiKey })).toBeNull();
    const app = JSON.stringify({ resource_type: "APP", event_type: "MALL.APP.DELETED", resource: { mall_id: MALL } });
    const deleted = await m.platform.verifyWebhook(Buffer.from(app), { "x-api-key": CAFE24_APP.webhookApiKey });
    expect(m.platform.webhookEvent(deleted!)).toEqual({ kind: "shop_erase", reason: "uninstalled" });
  });

  it("fetches the order a webhook names, with its lines, as the list gives it", async () => {
    const [listed] = (await m.platform.listOrders(MALL, { pageSize: 1 })).items;
    expect(await m.platform.fetchOrder(MALL, listed.id)).toEqual(listed);
    expect(await m.platform.fetchOrder(MALL, "20990101-0000001")).toBeNull();
  });
});
