import "@shopify/shopify-api/adapters/node";
import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { startSimulator, type SimulatorHandle } from "../../server/src/simulator/index.js";
import { APP, DEMO, SMALL_SEED } from "./sim-helpers.js";
import { startReceiver } from "./webhook-receiver.js";

const ORDER_TOPICS = ["orders/create", "orders/updated", "orders/cancelled"];

describe("simulator webhooks", () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0)) await fn();
  });

  async function start(receiverUrl: string, webhooks: Record<string, unknown> = {}): Promise<SimulatorHandle> {
    const sim = await startSimulator({
      app: APP,
      shops: [{ domain: DEMO, seed: SMALL_SEED }],
      webhooks: { retry: { attempts: 3, baseDelayMs: 10 }, ...webhooks },
    });
    sim.webhooks.subscribe(
      [...ORDER_TOPICS, "app/uninstalled", "customers/redact", "shop/redact", "customers/data_request"],
      receiverUrl,
    );
    cleanup.push(() => sim.close());
    return sim;
  }

  it("signs deliveries so @shopify/shopify-api validates them, with Shopify's headers and REST payloads", async () => {
    const shopify = shopifyApi({
      apiKey: APP.apiKey,
      apiSecretKey: APP.apiSecret,
      apiVersion: ApiVersion.July26,
      hostName: "localhost",
      isEmbeddedApp: true,
      logger: { level: LogSeverity.Error },
    });
    const verdicts: unknown[] = [];
    const receiver = await startReceiver({
      inspect: async (req, res, rawBody) =>
        void verdicts.push(await shopify.webhooks.validate({ rawBody, rawRequest: req, rawResponse: res })),
    });
    cleanup.push(receiver.close);
    const sim = await start(receiver.url);
    const played = sim.playOrders(DEMO, 3, { refundRate: 0, cancelRate: 0, guestRate: 0 });
    await sim.webhooks.drain();
    expect(receiver.received).toHaveLength(3);
    expect(verdicts).toEqual(
      Array(3).fill(
        expect.objectContaining({ valid: true, topic: "ORDERS_CREATE", domain: DEMO, apiVersion: "2026-07" }),
      ),
    );
    const { headers, rawBody } = receiver.received[0];
    expect(headers["x-shopify-hmac-sha256"]).toBe(createHmac("sha256", APP.apiSecret).update(rawBody).digest("base64"));
    expect(headers["x-shopify-event-id"]).toBeTruthy();
    expect(Date.parse(String(headers["x-shopify-triggered-at"]))).not.toBeNaN();
    const bodies = receiver.received.map((r) => JSON.parse(r.rawBody));
    const order = played.created[0];
    const body = bodies.find((b) => b.id === order.id);
    expect(body).toMatchObject({
      admin_graphql_api_id: `gid://shopify/Order/${order.id}`,
      customer: { id: order.customerId },
      test: false,
      cancelled_at: null,
    });
    expect(body.line_items[0]).toMatchObject({
      product_id: order.lines[0].productId,
      variant_id: order.lines[0].variantId,
      quantity: order.lines[0].quantity,
      price: order.lines[0].price.toFixed(2),
    });
    const forged = createHmac("sha256", "wrong-secret").update(rawBody).digest("base64");
    expect(forged).not.toBe(headers["x-shopify-hmac-sha256"]);
  });

  it("retries non-2xx answers with the same webhook id (at-least-once)", async () => {
    const receiver = await startReceiver({ failFirst: 2 });
    cleanup.push(receiver.close);
    const sim = await start(receiver.url);
    sim.playOrders(DEMO, 1, { refundRate: 0, cancelRate: 0 });
    await sim.webhooks.drain();
    expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(new Set(receiver.received.map((r) => r.headers["x-shopify-webhook-id"])).size).toBe(1);
    expect(sim.webhooks.log.map((l) => l.attempt)).toEqual([1, 2, 3]);
  });

  it("duplicates and reorders deliveries reproducibly for a given chaos seed", async () => {
    async function run(seed: number) {
      const receiver = await startReceiver();
      cleanup.push(receiver.close);
      const sim = await start(receiver.url, { chaos: { duplicateRate: 0.3, reorder: true, seed }, concurrency: 1 });
      sim.playOrders(DEMO, 20, { refundRate: 0.3, cancelRate: 0.2, at: new Date("2026-03-01T10:00:00Z") });
      await sim.webhooks.drain();
      return receiver.received.map((r) => {
        const b = JSON.parse(r.rawBody);
        return `${r.headers["x-shopify-topic"]}:${b.id}:${b.updated_at}`;
      });
    }
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a).size).toBeLessThan(a.length); // some duplicates
    const creates = a.filter((x) => x.startsWith("orders/create"));
    const ids = creates.map((x) => Number(x.split(":")[1]));
    expect(ids).not.toEqual([...ids].sort((x, y) => x - y)); // not in creation order
  });

  it("sends app/uninstalled (revoking tokens) and the compliance topics", async () => {
    const receiver = await startReceiver();
    cleanup.push(receiver.close);
    const sim = await start(receiver.url);
    const { accessToken } = sim.installApp(DEMO);
    const customerId = [...sim.store(DEMO).customers.keys()][0];
    sim.requestCustomerRedact(DEMO, `gid://shopify/Customer/${customerId}`);
    sim.requestCustomerDataRequest(DEMO, customerId);
    sim.uninstallApp(DEMO);
    sim.requestShopRedact(DEMO);
    await sim.webhooks.drain();
    const byTopic = Object.fromEntries(
      receiver.received.map((r) => [r.headers["x-shopify-topic"], JSON.parse(r.rawBody)]),
    );
    const expectedOrders = [...sim.store(DEMO).orders.values()]
      .filter((o) => o.customerId === customerId)
      .map((o) => o.id);
    expect(byTopic["customers/redact"]).toMatchObject({ shop_domain: DEMO, customer: { id: customerId } });
    expect(byTopic["customers/redact"].orders_to_redact.sort()).toEqual(expectedOrders.sort());
    expect(byTopic["customers/data_request"]).toMatchObject({ shop_domain: DEMO, customer: { id: customerId } });
    expect(byTopic["app/uninstalled"]).toMatchObject({ myshopify_domain: DEMO });
    expect(byTopic["shop/redact"]).toMatchObject({ shop_domain: DEMO });
    const response = await fetch(`${sim.url}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: { "X-Shopify-Access-Token": accessToken, "Content-Type": "application/json" },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    });
    expect(response.status).toBe(401);
  });
});
