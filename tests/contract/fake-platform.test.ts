// The in-memory fake the service tests use passes the same contract as the real adapters, once built like Shopify
// (bulk export, metafields) and once like Cafe24 (neither), so a service test's fake never promises more than a
// platform does. Plus what the contract leaves to each platform: refusing unknown shops, customers and capabilities.
import { describe, expect, it } from "vitest";
import type { Order } from "../../server/src/domain/orders/order.js";
import {
  createFakePlatform,
  FAKE_CAFE24_CAPABILITIES,
  FAKE_SHOPIFY_CAPABILITIES,
  FAKE_WEBHOOK_KEY_HEADER,
} from "../helpers/fake-platform.js";
import { runPlatformContract } from "./commerce-platform.contract.js";

const SHOP = "fake.myshopify.com";
const DAY = 86_400_000;
const customers = Array.from({ length: 12 }, (_, i) => String(1000 + i));
const orders: Order[] = Array.from({ length: 30 }, (_, i) => {
  const at = new Date(Date.now() - (40 - i) * DAY);
  return {
    id: String(5000 + i),
    customerId: customers[i % customers.length],
    processedAt: at,
    updatedAt: at,
    cancelledAt: null,
    test: false,
    totalPrice: 10 + i,
    refundedTotal: 0,
    currency: "USD",
    discountCodes: [],
    lines: Array.from({ length: 1 + (i % 3) }, (_, k) => ({
      productId: `p${k}`,
      variantId: null,
      title: `Product ${k}`,
      quantity: 1,
      price: 5,
    })),
  };
});

function installed(capabilities = FAKE_SHOPIFY_CAPABILITIES) {
  const fake = createFakePlatform({ id: capabilities.bulkExport ? "shopify" : "cafe24", capabilities });
  fake.install(SHOP, { orders, customers });
  return fake;
}

for (const capabilities of [FAKE_SHOPIFY_CAPABILITIES, FAKE_CAFE24_CAPABILITIES]) {
  runPlatformContract(
    `in-memory fake (bulk export ${capabilities.bulkExport})`,
    { capabilities, hmacSigned: false },
    () => ({
      platform: installed(capabilities).platform,
      shop: SHOP,
      unknownShop: "never-installed.myshopify.com",
      unknownOrderId: "999999999999",
      expected: () => ({ orders: orders.length, customers: customers.length, someCustomerId: customers[0] }),
    }),
  );
}

describe("in-memory fake: what it refuses", () => {
  const request = {
    customerId: customers[0],
    code: "DANGOL-FAKE-1",
    title: "Back soon",
    percentOff: 0.1,
    startsAt: new Date(),
    endsAt: new Date(Date.now() + DAY),
  };

  it("refuses every call for a shop it was never installed on, or was uninstalled from", async () => {
    const fake = installed();
    const other = "never-installed.myshopify.com";
    await expect(fake.platform.listOrders(other, {})).rejects.toMatchObject({ retriable: false });
    await expect(fake.platform.listCustomers(other, {})).rejects.toMatchObject({ retriable: false });
    await expect(fake.platform.createCustomerCoupon(other, request)).rejects.toMatchObject({ retriable: false });
    await expect(fake.platform.setCustomerMetafields(other, [])).rejects.toMatchObject({ retriable: false });
    await expect(fake.platform.orderBelongsTo(other, orders[0].id)).rejects.toMatchObject({ retriable: false });
    fake.uninstall(SHOP);
    expect(await fake.platform.hasAccess(SHOP)).toBe(false);
    await expect(fake.platform.listOrders(SHOP, {})).rejects.toMatchObject({ retriable: false });
  });

  it("refuses a coupon for a customer the shop does not have, and metafields of a forgotten one", async () => {
    const fake = installed();
    await expect(fake.platform.createCustomerCoupon(SHOP, { ...request, customerId: "42" })).rejects.toMatchObject({
      retriable: false,
    });
    fake.forgetCustomer(SHOP, customers[1]);
    const field = { namespace: "$app:dangol", key: "decision", type: "json" as const, value: "{}" };
    const { rejected } = await fake.platform.setCustomerMetafields(SHOP, [
      { ...field, customerId: customers[0] },
      { ...field, customerId: customers[1] },
    ]);
    expect(rejected).toMatchObject([{ customerId: customers[1], reason: "unknown_customer" }]);
    expect(fake.metafieldCalls.flat().map((m) => m.customerId)).toEqual([customers[0]]);
  });

  it("built without bulk export or metafields, refuses them outright instead of imitating them", async () => {
    const fake = installed(FAKE_CAFE24_CAPABILITIES);
    await expect(fake.platform.startBulkExport(SHOP, {})).rejects.toMatchObject({ retriable: false });
    await expect(fake.platform.getBulkExport(SHOP, "export-1")).rejects.toMatchObject({ retriable: false });
    expect(() => fake.platform.readBulkExport(SHOP, "export-1")).toThrow(/bulk export/);
    await expect(fake.platform.setCustomerMetafields(SHOP, [])).rejects.toMatchObject({ retriable: false });
  });

  it("verifies webhooks by their key only, and no app-proxy query", async () => {
    const fake = installed();
    const body = Buffer.from(JSON.stringify({ topic: "orders/create", shop: SHOP, id: "w1", payload: { id: 1 } }));
    expect(await fake.platform.verifyWebhook(body, { [FAKE_WEBHOOK_KEY_HEADER]: fake.webhookKey })).toMatchObject({
      topic: "orders/create",
      shopDomain: SHOP,
      payload: { id: 1 },
    });
    expect(await fake.platform.verifyWebhook(body, { [FAKE_WEBHOOK_KEY_HEADER]: "not-the-key" })).toBeNull();
    expect(await fake.platform.verifyWebhook(body, {})).toBeNull();
    expect(fake.platform.verifyAppProxy(`shop=${SHOP}&logged_in_customer_id=42&signature=00`)).toBeNull();
  });

  it("injects the failures service tests ask for, one call each", async () => {
    const fake = installed();
    fake.fail.coupons = 1;
    await expect(fake.platform.createCustomerCoupon(SHOP, request)).rejects.toMatchObject({ retriable: true });
    expect(fake.coupons).toEqual([]);
    fake.fail.couponsLostAnswer = 1;
    await expect(fake.platform.createCustomerCoupon(SHOP, request)).rejects.toMatchObject({ retriable: true });
    expect(fake.coupons).toHaveLength(1);
    expect((await fake.platform.createCustomerCoupon(SHOP, request)).code).toBe(request.code);
    expect(fake.coupons).toHaveLength(1);
  });
});
