import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import * as webhookEvents from "../../server/src/db/repositories/webhook-event.repository.js";
import * as syncState from "../../server/src/db/repositories/sync-state.repository.js";
import { bareOrderRecord } from "../helpers/sim-orders.js";
import { receivedDelivery } from "../helpers/webhook-rows.js";
import { startHarness, type Harness, signedWebhookHeaders } from "./harness.js";

const SHOP = "hooks-a.myshopify.com";
const OTHER = "hooks-b.myshopify.com";
const SEED = { until: new Date("2009-12-05T00:00:00Z"), maxCustomers: 8, includeGuests: false };

function orderBody(id: number, updatedAt: string, total: string, customerId = 4242) {
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: updatedAt,
    processed_at: "2026-01-01T00:00:00Z",
    cancelled_at: null,
    test: false,
    currency: "GBP",
    total_price: total,
    customer: { id: customerId },
    discount_codes: [],
    line_items: [{ id: 1, title: "Mug", quantity: 1, price: total, product_id: 77, variant_id: 78 }],
    refunds: [],
  };
}

/** Makes the simulated shop hold order `id`, so the app's ownership check (order(id:)) confirms it. */
function simOrder(h: Harness, shop: string, id: number, updatedAt: string, customerId = 4242): void {
  const at = Date.parse("2026-01-01T00:00:00Z");
  h.sim.store(shop).putOrder(bareOrderRecord(id, customerId, at, Date.parse(updatedAt)));
}

const signedHeaders = (body: string, topic: string, shop = SHOP, webhookId?: string) =>
  signedWebhookHeaders(body, topic, shop, webhookId);

describe("webhook ingestion against the simulator", () => {
  let h: Harness;
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${h.url}/api/webhooks`, { method: "POST", body, headers });

  beforeAll(async () => {
    h = await startHarness({
      sim: {
        shops: [
          { domain: SHOP, seed: SEED },
          { domain: OTHER, seed: SEED },
        ],
        webhooks: { chaos: { duplicateRate: 0.3, reorder: true, seed: 7 } },
      },
    });
    await h.install(SHOP);
    await h.install(OTHER);
    h.sim.webhooks.subscribe(
      [
        "orders/create",
        "orders/updated",
        "orders/cancelled",
        "app/uninstalled",
        "customers/redact",
        "customers/data_request",
        "shop/redact",
      ],
      `${h.url}/api/webhooks`,
    );
  });
  afterAll(async () => h?.close());

  it("rejects a forged or missing HMAC with 401 and stores nothing", async () => {
    const body = JSON.stringify(orderBody(901, "2026-01-02T00:00:00Z", "10.00"));
    const forged = {
      ...signedHeaders(body, "orders/create"),
      "x-shopify-hmac-sha256": createHmac("sha256", "wrong").update(body).digest("base64"),
    };
    const { "x-shopify-hmac-sha256": _drop, ...missing } = signedHeaders(body, "orders/create");
    expect((await post(body, forged)).status).toBe(401);
    expect((await post(body, missing)).status).toBe(401);
    // A valid signature over different bytes is still forged.
    expect((await post(body.replace("10.00", "99.00"), signedHeaders(body, "orders/create"))).status).toBe(401);
    expect(await orders.findOrder(h.t.db, SHOP, "901")).toBeUndefined();
    expect(await webhookEvents.countWebhookEvents(h.t.db, SHOP)).toBe(0);
  });

  it("answers 400 to signed malformed JSON and stores nothing", async () => {
    const before = await webhookEvents.countWebhookEvents(h.t.db, SHOP);
    const broken = '{"id": 902, "updated_at": ';
    expect((await post(broken, signedHeaders(broken, "orders/create"))).status).toBe(400);
    // Signed JSON that is no order at all does not prove the topic: refused like an unsigned header.
    const wrongShape = JSON.stringify({ id: "not-a-number" });
    expect((await post(wrongShape, signedHeaders(wrongShape, "orders/updated"))).status).toBe(401);
    expect(await webhookEvents.countWebhookEvents(h.t.db, SHOP)).toBe(before);
  });

  it("dedupes on X-Shopify-Webhook-Id and keeps the newest version whatever the arrival order", async () => {
    simOrder(h, SHOP, 903, "2026-01-03T00:00:00Z");
    const v1 = JSON.stringify(orderBody(903, "2026-01-02T00:00:00Z", "10.00"));
    const v2 = JSON.stringify(orderBody(903, "2026-01-03T00:00:00Z", "20.00"));
    const v2Headers = signedHeaders(v2, "orders/updated");
    // Acknowledged once stored; applied right after the answer.
    expect(await (await post(v2, v2Headers)).json()).toMatchObject({ outcome: "accepted" });
    expect(await (await post(v2, v2Headers)).json()).toMatchObject({ outcome: "duplicate" });
    expect((await post(v1, signedHeaders(v1, "orders/create"))).status).toBe(200); // older, arrives late
    await h.ingest.idle();
    const stored = await orders.findOrder(h.t.db, SHOP, "903");
    expect(stored?.totalPrice).toBe(20);
    expect(stored?.updatedAt.toISOString()).toBe("2026-01-03T00:00:00.000Z");
    expect((await syncState.findSyncState(h.t.db, SHOP))?.last_webhook_at).not.toBeNull();
    await h.ingest.idle();
    expect(h.changed).toContainEqual([SHOP, "4242"]);
  });

  it("loses nothing under 1,000 concurrent deliveries", async () => {
    for (let i = 0; i < 1000; i++) simOrder(h, SHOP, 10_000 + i, "2026-02-01T00:00:00Z");
    const bodies = Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify(orderBody(10_000 + i, "2026-02-01T00:00:00Z", "5.00", 5000 + (i % 50))),
    );
    const statuses = await Promise.all(
      bodies.map((b) => post(b, signedHeaders(b, "orders/create")).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await h.ingest.idle();
    const ids = await Promise.all(bodies.map((_, i) => orders.findOrder(h.t.db, SHOP, String(10_000 + i))));
    expect(ids.filter((o) => !o).length).toBe(0);
  }, 120_000);

  it("ends in the right state when the simulator duplicates and reorders deliveries", async () => {
    const store = h.sim.store(SHOP);
    await h.sync.backfill(SHOP);
    const played = h.sim.playOrders(SHOP, 40, { refundRate: 0.3, cancelRate: 0.2, guestRate: 0 });
    await h.sim.webhooks.drain();
    await h.ingest.idle();
    expect(played.created.length).toBe(40);
    expect(h.sim.webhooks.log.some((d) => d.duplicate)).toBe(true);
    // Every order, including those refunded or cancelled by later deliveries, matches the store's final version.
    for (const record of store.orders.values()) {
      const stored = await orders.findOrder(h.t.db, SHOP, String(record.id));
      expect(stored?.updatedAt.getTime(), `order ${record.id}`).toBe(Math.floor(record.updatedAt / 1000) * 1000);
      expect(stored?.cancelledAt === null, `order ${record.id} cancelled`).toBe(record.cancelledAt === null);
    }
    const counts = await orders.countOrders(h.t.db, SHOP);
    expect(counts.total).toBeGreaterThanOrEqual(store.orders.size);
  });

  it("a stored-but-unapplied order never revives a customer redacted after it arrived", async () => {
    const tenMinutesAgo = new Date(Date.now() - 600_000).toISOString();
    const pending = (webhookId: string, body: object) =>
      webhookEvents.insertWebhookEvent(
        h.t.db,
        receivedDelivery(SHOP, webhookId, { received_at: tenMinutesAgo, payload: JSON.stringify(body) }),
      );
    simOrder(h, SHOP, 990001, "2026-01-02T00:00:00Z", 5151);
    simOrder(h, SHOP, 990002, "2026-01-02T00:00:00Z", 5252);
    await pending("pending-redacted", orderBody(990001, "2026-01-02T00:00:00Z", "12.00", 5151));
    await pending("pending-kept", orderBody(990002, "2026-01-02T00:00:00Z", "13.00", 5252));
    const redact = JSON.stringify({
      shop_id: 1,
      shop_domain: SHOP,
      customer: { id: 5151, email: "x@example.com", phone: null },
      orders_to_redact: [],
    });
    expect((await post(redact, signedHeaders(redact, "customers/redact"))).status).toBe(200);
    await h.ingest.idle(); // the redact is applied

    await h.ingest.retryPending();
    expect(await orders.listCustomerOrders(h.t.db, SHOP, "5151")).toEqual([]);
    expect((await webhookEvents.findWebhookEvent(h.t.db, SHOP, "pending-redacted"))?.payload).toBeNull();
    expect((await orders.listCustomerOrders(h.t.db, SHOP, "5252")).map((o) => o.id)).toEqual(["990002"]);
  });

  it("records a data request, redacts one customer, and erases the shop on uninstall", async () => {
    await h.sync.backfill(OTHER);
    const [customerId] = [...h.sim.store(OTHER).customers.keys()];
    h.sim.requestCustomerDataRequest(OTHER, customerId);
    h.sim.requestCustomerRedact(OTHER, customerId);
    await h.sim.webhooks.drain();
    await h.ingest.idle();
    expect((await webhookEvents.listPrivacyRequests(h.t.db, OTHER)).map((r) => r.topic).sort()).toEqual([
      "customers/data_request",
      "customers/redact",
    ]);
    expect(await orders.listCustomerOrders(h.t.db, OTHER, String(customerId))).toEqual([]);
    expect((await orders.countOrders(h.t.db, OTHER)).total).toBeGreaterThan(0);

    h.sim.uninstallApp(OTHER);
    await h.sim.webhooks.drain();
    await h.ingest.idle();
    expect((await orders.countOrders(h.t.db, OTHER)).total).toBe(0);
    expect(await h.stack.sessionStorage.findSessionsByShop(OTHER)).toEqual([]);
    expect(await syncState.findSyncState(h.t.db, OTHER)).toBeUndefined();
    // Shop A is untouched.
    expect((await orders.countOrders(h.t.db, SHOP)).total).toBeGreaterThan(1000);
  });

  it("ignores a captured app/uninstalled replayed after the shop reinstalled (our token still works)", async () => {
    await h.install(OTHER);
    await h.sync.backfill(OTHER);
    const held = (await orders.countOrders(h.t.db, OTHER)).total;
    expect(held).toBeGreaterThan(0);
    const body = JSON.stringify({ id: 2, name: "Hooks B", myshopify_domain: OTHER, domain: OTHER });
    const res = await post(body, signedHeaders(body, "app/uninstalled", OTHER));
    expect(res.status).toBe(200);
    await h.ingest.idle();
    expect((await orders.countOrders(h.t.db, OTHER)).total).toBe(held);
    expect(await h.stack.sessionStorage.findSessionsByShop(OTHER)).toHaveLength(1);
    // The real uninstall that follows still erases everything.
    h.sim.uninstallApp(OTHER);
    await h.sim.webhooks.drain();
    await h.ingest.idle();
    expect((await orders.countOrders(h.t.db, OTHER)).total).toBe(0);
  });
});
