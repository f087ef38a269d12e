import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { SHOPIFY_CAPABILITIES } from "../../server/src/platforms/shopify/index.js";
import { signAppProxyQuery } from "../../server/src/simulator/index.js";
import { APP, startHarness, type Harness } from "../sync/harness.js";
import { runPlatformContract } from "./commerce-platform.contract.js";

const SHOP = "contract.myshopify.com";
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    sim: {
      shops: [
        { domain: SHOP, seed: { until: new Date("2009-12-04T00:00:00Z"), maxCustomers: 12, includeGuests: false } },
      ],
    },
  });
  await h.install(SHOP);
});
afterAll(async () => h?.close());

runPlatformContract(
  "Shopify adapter → store simulator",
  { capabilities: SHOPIFY_CAPABILITIES, hmacSigned: true },
  () => ({
    platform: h.stack.platform,
    shop: SHOP,
    unknownShop: "never-installed.myshopify.com",
    unknownOrderId: "999999999999",
    expected: () => {
      const store = h.sim.store(SHOP);
      return {
        orders: store.orders.size,
        customers: store.customers.size,
        someCustomerId: String([...store.customers.keys()][0]),
      };
    },
    signWebhook: (body, topic, options) => ({
      "x-shopify-topic": topic,
      "x-shopify-shop-domain": SHOP,
      "x-shopify-api-version": "2026-07",
      "x-shopify-webhook-id": randomUUID(),
      "x-shopify-hmac-sha256": createHmac("sha256", options?.forged ? "not-the-secret" : APP.apiSecret)
        .update(body)
        .digest("base64"),
    }),
    signedProxyQuery: (offset = 0) =>
      signAppProxyQuery(
        { shop: SHOP, loggedInCustomerId: "42", timestamp: Math.floor(Date.now() / 1000) + offset },
        APP.apiSecret,
      ),
  }),
);
