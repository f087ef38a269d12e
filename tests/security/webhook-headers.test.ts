// Shopify's webhook HMAC covers the body only: X-Shopify-Shop-Domain and X-Shopify-Topic are unsigned. A signed
// body replayed under another shop or another topic (e.g. as app/uninstalled) must not erase anybody's data.
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LogSeverity } from "@shopify/shopify-api";
import { createApp } from "../../server/src/http/app.js";
import { webhookRoutes } from "../../server/src/http/routes/webhooks.routes.js";
import { createShopifyStack } from "../../server/src/platforms/shopify/shopify-stack.js";
import { createPrivacyService } from "../../server/src/services/privacy.service.js";
import { createWebhookIngestService } from "../../server/src/services/webhook-ingest.service.js";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import * as shops from "../../server/src/db/repositories/shop.repository.js";
import * as webhookEvents from "../../server/src/db/repositories/webhook-event.repository.js";
import { listen } from "../http/admin/fixtures.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SECRET = "webhook-header-secret";
const SHOP_A = "header-a.myshopify.com";
const SHOP_B = "header-b.myshopify.com";

const orderBody = (id: number) =>
  JSON.stringify({
    id, created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z", processed_at: "2026-01-01T00:00:00Z", cancelled_at: null,
    test: false, currency: "USD", total_price: "10.00", customer: { id: 7 }, discount_codes: [], refunds: [],
    line_items: [{ title: "Mug", quantity: 1, price: "10.00", product_id: 1, variant_id: 2 }],
  });

function headers(body: string, topic: string, shop: string) {
  return {
    "content-type": "application/json",
    "x-shopify-topic": topic,
    "x-shopify-shop-domain": shop,
    "x-shopify-api-version": "2026-07",
    "x-shopify-webhook-id": randomUUID(),
    "x-shopify-hmac-sha256": createHmac("sha256", SECRET).update(body).digest("base64"),
  };
}

describe("webhook headers the HMAC does not cover", () => {
  let t: TestDb;
  let server: { url: string; close(): Promise<void> };
  const post = (body: string, h: Record<string, string>) => fetch(`${server.url}/api/webhooks`, { method: "POST", body, headers: h });

  beforeAll(async () => {
    t = await createTestDb();
    const stack = createShopifyStack(t.db, { apiKey: "k", apiSecret: SECRET, appUrl: "https://app.example.com", scopes: [], logLevel: LogSeverity.Error });
    const ingest = createWebhookIngestService({ db: t.db, platform: stack.platform, privacy: createPrivacyService({ db: t.db }), log: () => undefined });
    server = await listen(createApp({ db: t.db, dbKind: t.kind, rawMounts: [{ path: "/api/webhooks", handler: webhookRoutes({ ingest }) }] }));
  });
  afterAll(async () => {
    await server?.close();
    await t?.destroy();
  });
  beforeEach(async () => {
    for (const shop of [SHOP_A, SHOP_B]) {
      await shops.upsertInstalledShop(t.db, shop, "shopify", new Date());
      const body = orderBody(shop === SHOP_A ? 1 : 2);
      expect((await post(body, headers(body, "orders/create", shop))).status).toBe(200);
    }
  });

  const intact = async (shop: string) => {
    expect(await shops.findShop(t.db, shop), shop).toBeDefined();
    expect((await orders.countOrders(t.db, shop)).total, shop).toBe(1);
  };

  it("rejects a signed order body replayed as app/uninstalled", async () => {
    const body = orderBody(1);
    const before = await webhookEvents.countWebhookEvents(t.db, SHOP_A);
    const res = await post(body, headers(body, "app/uninstalled", SHOP_A));
    expect(res.status).toBe(401);
    await intact(SHOP_A);
    expect(await webhookEvents.countWebhookEvents(t.db, SHOP_A)).toBe(before);
  });

  it.each([
    ["app/uninstalled", { id: 1, myshopify_domain: SHOP_A, domain: SHOP_A }],
    ["shop/redact", { shop_id: 1, shop_domain: SHOP_A }],
    ["customers/redact", { shop_id: 1, shop_domain: SHOP_A, customer: { id: 7 }, orders_to_redact: [1, 2] }],
  ])("rejects shop A's signed %s body sent as shop B's", async (topic, payload) => {
    const body = JSON.stringify(payload);
    expect((await post(body, headers(body, topic, SHOP_B))).status).toBe(401);
    await intact(SHOP_B);
    await intact(SHOP_A);
  });

  it("rejects a shop header that is not a myshopify.com domain", async () => {
    const body = orderBody(3);
    await shops.upsertInstalledShop(t.db, "evil.example.com", "shopify", new Date());
    expect((await post(body, headers(body, "orders/create", "evil.example.com"))).status).toBe(401);
    expect(await webhookEvents.countWebhookEvents(t.db, "evil.example.com")).toBe(0);
  });

  it("still applies a genuine uninstall whose body names the same shop", async () => {
    const body = JSON.stringify({ id: 2, myshopify_domain: SHOP_B, domain: "shop-b.example.com" });
    expect((await post(body, headers(body, "app/uninstalled", SHOP_B))).status).toBe(200);
    expect(await shops.findShop(t.db, SHOP_B)).toBeUndefined();
    await intact(SHOP_A);
  });
});
