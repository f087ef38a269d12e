// Flow events end to end: decided from a customer's states, claimed once per occasion in the database, delivered to
// the simulator's flowTriggerReceive (Shopify) or to a signed webhook (Cafe24).
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeShopSettings } from "../../server/src/db/repositories/settings.repository.js";
import { upsertInstalledShop } from "../../server/src/db/repositories/shop.repository.js";
import { type FlowCustomerState, decideFlowEvents } from "../../server/src/domain/flow/flow-events.js";
import { verifyFlowWebhook } from "../../server/src/platforms/cafe24/flow-webhook.js";
import type { GraphqlCaller } from "../../server/src/platforms/shopify/throttled-graphql.js";
import { platformFlowDeliverer } from "../../server/src/platforms/flow-deliverer.js";
import { createFlowEventsService } from "../../server/src/services/flow-events/flow-events.service.js";
import type { SimulatorHandle } from "../../server/src/simulator/index.js";
import { flowTriggerCalls } from "../../server/src/simulator/resolvers/flow-triggers.js";
import { DEMO, OTHER, startSmall } from "../simulator/sim-helpers.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const DAY = 86_400_000;
const now = new Date("2026-12-02T12:00:00Z");
const at = (days: number) => new Date(now.getTime() + days * DAY);
const before: FlowCustomerState = {
  segmentKey: "repeat:core_active",
  lapsed: false,
  dueWindow: { early: at(-1), late: at(6) },
  lastOrderAt: at(-40),
  coupons: [{ code: "DANGOL-7", expiresAt: at(2) }],
};
const after: FlowCustomerState = { ...before, lapsed: true, segmentKey: "repeat:purchase_inactive_visit_unknown" };
const eventsFor = (customerId: string, previous: FlowCustomerState, when = now) =>
  decideFlowEvents({ customerId, previous, current: after, now: when, couponWarningDays: 3 });

/** The app's GraphQL calls, over HTTP to the simulator with each shop's own token. */
function simulatorGraphql(sim: SimulatorHandle, tokens: Record<string, string>): GraphqlCaller {
  return {
    async request<T>(shop: string, query: string, variables?: Record<string, unknown>): Promise<T> {
      const response = await fetch(`${sim.url}/admin/api/2026-07/graphql.json`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": tokens[shop] },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data: T; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
  };
}

describe("Flow events service", () => {
  let t: TestDb;
  let sim: SimulatorHandle;
  let graphql: GraphqlCaller;
  beforeAll(async () => {
    t = await createTestDb();
    sim = await startSmall();
    graphql = simulatorGraphql(sim, {
      [DEMO]: sim.installApp(DEMO).accessToken,
      [OTHER]: sim.installApp(OTHER).accessToken,
    });
    for (const shop of [DEMO, OTHER]) await upsertInstalledShop(t.db, shop, "shopify", now);
  }, 60_000);
  afterAll(async () => {
    await sim.close();
    await t.destroy();
  });

  it("sends each occasion once to the right shop, across recomputes and two instances at once", async () => {
    const instance = () =>
      createFlowEventsService({
        db: t.db,
        deliver: platformFlowDeliverer({ db: t.db, shopifyGraphql: graphql, demo: true }),
      });
    const first = await instance().send(DEMO, eventsFor("42", before));
    expect(first).toEqual({ sent: 3, alreadySent: 0, failed: [] });
    // The next recompute, a day later, still sees the open window, the coupon and the (now old) lapse.
    const next = await instance().send(DEMO, eventsFor("42", after, at(1)));
    expect(next).toEqual({ sent: 0, alreadySent: 2, failed: [] });
    // Even a recompute that saw the move again (its previous state lost) names the same occasions.
    expect(await instance().send(DEMO, eventsFor("42", before, at(1)))).toEqual({
      sent: 0,
      alreadySent: 3,
      failed: [],
    });
    const both = await Promise.all([
      instance().send(OTHER, eventsFor("7", before)),
      instance().send(OTHER, eventsFor("7", before)),
    ]);
    expect(both.map((r) => r.sent).reduce((a, b) => a + b)).toBe(3);

    expect(flowTriggerCalls(sim.store(DEMO))).toEqual([
      {
        handle: "dangol-reorder-window-opened",
        payload: { customer_id: 42, "Due window opens": "2026-12-01", "Due window closes": "2026-12-08" },
      },
      { handle: "dangol-coupon-expiring", payload: { customer_id: 42, "Coupon code": "DANGOL-7", "Days left": 2 } },
      {
        handle: "dangol-customer-lapsed",
        payload: { customer_id: 42, Segment: "repeat:purchase_inactive_visit_unknown", "Days since last order": 40 },
      },
    ]);
    expect(flowTriggerCalls(sim.store(OTHER)).map((c) => c.payload.customer_id)).toEqual([7, 7, 7]);
  });

  it("gives a refused occasion back, so the next recompute sends it", async () => {
    let refuse = true;
    const deliver = platformFlowDeliverer({ db: t.db, shopifyGraphql: graphql, demo: true });
    const flaky = createFlowEventsService({
      db: t.db,
      deliver: async (shop, event) => {
        if (refuse) throw new Error("Shopify unavailable");
        return deliver(shop, event);
      },
    });
    const events = eventsFor("99", before);
    expect((await flaky.send(DEMO, events)).failed).toHaveLength(3);
    refuse = false;
    expect(await flaky.send(DEMO, events)).toEqual({ sent: 3, alreadySent: 0, failed: [] });
  });
});

describe("Flow events on Cafe24: the merchant's signed webhook", () => {
  let t: TestDb;
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.end("ok");
    });
  });
  let url: string;
  beforeAll(async () => {
    t = await createTestDb();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dangol`;
    await upsertInstalledShop(t.db, "mall1", "cafe24", now);
  });
  afterAll(async () => {
    server.close();
    await t.destroy();
  });

  it("posts each event signed over timestamp and raw body: verifies with the secret, not with another", async () => {
    await writeShopSettings(t.db, "mall1", { flowWebhook: { url, secret: "s3cret" } }, now);
    const service = createFlowEventsService({
      db: t.db,
      deliver: platformFlowDeliverer({ db: t.db, demo: true, now: () => now }),
    });
    expect(await service.send("mall1", eventsFor("m-5", before))).toMatchObject({ sent: 3 });
    expect(received).toHaveLength(3);
    const lapsed = received.find((r) => r.headers["x-dangol-event"] === "customer_lapsed")!;
    expect(JSON.parse(lapsed.body)).toMatchObject({ event: "customer_lapsed", shop: "mall1", customer_id: "m-5" });
    const timestamp = String(lapsed.headers["x-dangol-timestamp"]);
    const signature = String(lapsed.headers["x-dangol-signature"]);
    expect(timestamp).toBe(String(now.getTime() / 1000));
    expect(verifyFlowWebhook("s3cret", timestamp, lapsed.body, signature)).toBe(true);
    expect(verifyFlowWebhook("another", timestamp, lapsed.body, signature)).toBe(false);
    expect(verifyFlowWebhook("s3cret", String(Number(timestamp) + 1), lapsed.body, signature)).toBe(false);
  });

  it("refuses a plain-http URL outside the demo and keeps the occasion unsent", async () => {
    await writeShopSettings(t.db, "mall1", { flowWebhook: { url, secret: "s3cret" } }, now);
    const production = createFlowEventsService({ db: t.db, deliver: platformFlowDeliverer({ db: t.db, demo: false }) });
    const report = await production.send("mall1", eventsFor("m-6", before));
    expect(report.failed.map((f) => f.error)).toEqual(Array(3).fill("Flow webhook URL must be an https URL"));
    expect(received.filter((r) => r.body.includes("m-6"))).toEqual([]);
  });
});
