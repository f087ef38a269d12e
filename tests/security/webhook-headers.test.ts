// Shopify's webhook HMAC covers the body only: X-Shopify-Shop-Domain and X-Shopify-Topic are unsigned. A signed
// body replayed under another topic or another shop must not erase, disclose or create anybody's data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import * as shops from "../../server/src/db/repositories/shop.repository.js";
import * as webhookEvents from "../../server/src/db/repositories/webhook-event.repository.js";
import {
  customersDataRequestPayload,
  customersRedactPayload,
  orderPayload,
  shopPayload,
  shopRedactPayload,
} from "../../server/src/simulator/webhook-payloads.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startHarness, type Harness, signedWebhookHeaders } from "../sync/harness.js";

const SHOP_A = "header-a.myshopify.com";
const SHOP_B = "header-b.myshopify.com";
// Different invoice windows: the simulator's order ids stay apart like Shopify's global ids.
const SEED_A = { until: new Date("2009-12-04T00:00:00Z"), maxCustomers: 6, includeGuests: false };
const SEED_B = {
  since: new Date("2009-12-07T00:00:00Z"),
  until: new Date("2009-12-10T00:00:00Z"),
  maxCustomers: 6,
  includeGuests: false,
};

const headers = signedWebhookHeaders;

describe.each(DB_KINDS)("webhook headers the HMAC does not cover (%s)", (kind) => {
  let h: Harness;
  let held: Record<string, number>;
  const post = (payload: unknown, topic: string, shop: string) => {
    const body = JSON.stringify(payload);
    return fetch(`${h.url}/api/webhooks`, { method: "POST", body, headers: headers(body, topic, shop) });
  };
  const storeA = () => h.sim.store(SHOP_A);
  const customerWithOrders = () => {
    const counts = new Map<number, number>();
    for (const o of storeA().orders.values())
      if (o.customerId !== null) counts.set(o.customerId, (counts.get(o.customerId) ?? 0) + 1);
    return [...counts.entries()].sort((x, y) => y[1] - x[1])[0][0];
  };
  /** Genuine bodies of each topic, as Shopify (the simulator) sends them for shop A. */
  const genuine = (): Record<string, Record<string, unknown>> => {
    const customer = customerWithOrders();
    return {
      "orders/create": orderPayload(storeA(), [...storeA().orders.values()][0]),
      "app/uninstalled": shopPayload(storeA()),
      "shop/redact": shopRedactPayload(storeA()),
      "customers/redact": customersRedactPayload(storeA(), customer),
      "customers/data_request": customersDataRequestPayload(storeA(), customer, 77),
    };
  };
  const intact = async () => {
    for (const shop of [SHOP_A, SHOP_B]) {
      expect(await shops.findShop(h.t.db, shop), shop).toBeDefined();
      expect((await orders.countOrders(h.t.db, shop)).total, shop).toBe(held[shop]);
    }
  };

  beforeAll(async () => {
    h = await startHarness({
      kind,
      sim: {
        shops: [
          { domain: SHOP_A, seed: SEED_A },
          { domain: SHOP_B, seed: SEED_B },
        ],
      },
    });
    for (const shop of [SHOP_A, SHOP_B]) {
      await h.install(shop);
      await h.sync.backfill(shop);
    }
    held = {
      [SHOP_A]: (await orders.countOrders(h.t.db, SHOP_A)).total,
      [SHOP_B]: (await orders.countOrders(h.t.db, SHOP_B)).total,
    };
    expect(held[SHOP_A]).toBeGreaterThan(0);
    expect(held[SHOP_B]).toBeGreaterThan(0);
  }, 120_000);
  afterAll(async () => h?.close());

  it("accepts each genuine body under its own topic only", async () => {
    const bodies = genuine();
    for (const [own, payload] of Object.entries(bodies)) {
      for (const topic of Object.keys(bodies)) {
        const raw = JSON.stringify(payload);
        const verified = await h.stack.platform.verifyWebhook(Buffer.from(raw), headers(raw, topic, SHOP_A));
        expect(verified === null, `${own} body as ${topic}`).toBe(topic !== own);
      }
    }
  });

  it.each([
    ["customers/data_request", "customers/redact"],
    ["customers/data_request", "shop/redact"],
    ["customers/redact", "shop/redact"],
    ["shop/redact", "app/uninstalled"],
    ["orders/create", "app/uninstalled"],
    ["orders/create", "customers/redact"],
    ["app/uninstalled", "shop/redact"],
  ])("a signed %s body posted as %s is 401 and changes nothing", async (own, topic) => {
    const customer = customerWithOrders();
    const before = (await orders.listCustomerOrders(h.t.db, SHOP_A, String(customer))).length;
    expect(before).toBeGreaterThan(0);
    const events = await webhookEvents.countWebhookEvents(h.t.db, SHOP_A);
    expect((await post(genuine()[own], topic, SHOP_A)).status).toBe(401);
    await intact();
    expect((await orders.listCustomerOrders(h.t.db, SHOP_A, String(customer))).length).toBe(before);
    expect(await webhookEvents.listPrivacyRequests(h.t.db, SHOP_A)).toEqual([]);
    expect(await webhookEvents.countWebhookEvents(h.t.db, SHOP_A)).toBe(events);
  });

  it.each(["app/uninstalled", "shop/redact", "customers/redact"])(
    "rejects shop A's signed %s body sent as shop B's",
    async (topic) => {
      expect((await post(genuine()[topic], topic, SHOP_B)).status).toBe(401);
      await intact();
    },
  );

  it("refuses shop A's stored order body replayed as shop B's: 401, nothing stored in B", async () => {
    const order = [...storeA().orders.values()][1];
    expect(await orders.findOrder(h.t.db, SHOP_A, String(order.id))).toBeDefined();
    const events = await webhookEvents.countWebhookEvents(h.t.db, SHOP_B);
    expect((await post(orderPayload(storeA(), order), "orders/updated", SHOP_B)).status).toBe(401);
    expect(await orders.findOrder(h.t.db, SHOP_B, String(order.id))).toBeUndefined();
    expect(await webhookEvents.countWebhookEvents(h.t.db, SHOP_B)).toBe(events);
    await intact();
  });

  it("refuses a new order of shop A (not stored anywhere yet) replayed as shop B's, keeping no payload", async () => {
    const [created] = h.sim.playOrders(SHOP_A, 1, { guestRate: 0, refundRate: 0, cancelRate: 0 }).created;
    const payload = orderPayload(storeA(), storeA().orders.get(created.id)!);
    const body = JSON.stringify(payload);
    const hdrs = headers(body, "orders/create", SHOP_B);
    // Nobody holds the id yet, so only Shopify can say whose it is: asked when the delivery is applied, after the
    // fast 200 (an id another shop holds is refused with 401 before the answer, above).
    expect((await fetch(`${h.url}/api/webhooks`, { method: "POST", body, headers: hdrs })).status).toBe(200);
    await h.ingest.idle();
    expect(await orders.findOrder(h.t.db, SHOP_B, String(created.id))).toBeUndefined();
    expect(await webhookEvents.findWebhookEvent(h.t.db, SHOP_B, hdrs["x-shopify-webhook-id"])).toMatchObject({
      status: "refused",
      payload: null,
    });
    await intact();
    // The same body for its own shop is stored.
    expect((await post(payload, "orders/create", SHOP_A)).status).toBe(200);
    await h.ingest.idle();
    expect(await orders.findOrder(h.t.db, SHOP_A, String(created.id))).toBeDefined();
    held[SHOP_A]++;
  });

  it("rejects a shop header that is not a myshopify.com domain", async () => {
    await shops.upsertInstalledShop(h.t.db, "evil.example.com", "shopify", new Date());
    expect((await post(genuine()["orders/create"], "orders/create", "evil.example.com")).status).toBe(401);
    expect(await webhookEvents.countWebhookEvents(h.t.db, "evil.example.com")).toBe(0);
  });

  it("still applies genuine privacy requests and a genuine uninstall of the same shop", async () => {
    const bodies = genuine();
    expect((await post(bodies["customers/data_request"], "customers/data_request", SHOP_A)).status).toBe(200);
    expect((await post(bodies["customers/redact"], "customers/redact", SHOP_A)).status).toBe(200);
    await h.ingest.idle();
    expect((await webhookEvents.listPrivacyRequests(h.t.db, SHOP_A)).map((r) => r.topic).sort()).toEqual([
      "customers/data_request",
      "customers/redact",
    ]);
    h.sim.uninstallApp(SHOP_B); // revokes the token (nobody subscribed): the signed body is now believed
    expect((await post(shopPayload(h.sim.store(SHOP_B)), "app/uninstalled", SHOP_B)).status).toBe(200);
    await h.ingest.idle();
    expect(await shops.findShop(h.t.db, SHOP_B)).toBeUndefined();
    expect((await orders.countOrders(h.t.db, SHOP_A)).total).toBeGreaterThan(0);
  });
});
