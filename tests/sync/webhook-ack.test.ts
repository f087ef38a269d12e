// Webhooks are acknowledged once stored and applied afterwards by a queue (issue 11). The answer no longer waits
// on the apply (a Shopify call to confirm a new order id, the customer's re-prediction); a delivery stored by a
// process that died before applying it is applied at the next start without waiting out the in-flight grace;
// and when start-up, the retry job and a second instance race for the same stored deliveries, each is applied once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import * as webhookEvents from "../../server/src/db/repositories/webhook-event.repository.js";
import type { CommercePlatform } from "../../server/src/platforms/commerce-platform.js";
import { createPrivacyService, type PrivacyService } from "../../server/src/services/privacy.service.js";
import { createWebhookIngestService } from "../../server/src/services/webhook-ingest.service.js";
import { customersDataRequestPayload, orderPayload } from "../../server/src/simulator/webhook-payloads.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { registryOf } from "../helpers/platforms.js";
import { receivedDelivery } from "../helpers/webhook-rows.js";
import { startHarness, type Harness, signedWebhookHeaders } from "./harness.js";

const SHOP = "ack.myshopify.com";
const SEED = { until: new Date("2009-12-05T00:00:00Z"), maxCustomers: 8, includeGuests: false };

const signed = (body: string, topic: string, webhookId?: string) => signedWebhookHeaders(body, topic, SHOP, webhookId);

/** The privacy service, counting how often each delivery's data request is applied. */
function countingPrivacy(h: Harness, applied: Map<string, number>): PrivacyService {
  const real = createPrivacyService({ db: h.t.db });
  return {
    ...real,
    async recordDataRequest(shop, request) {
      applied.set(request.webhookId, (applied.get(request.webhookId) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 5)); // widen the window in which two workers could both be applying
      return real.recordDataRequest(shop, request);
    },
  };
}

describe.each(DB_KINDS)("webhooks acknowledged before they are applied (%s)", (kind) => {
  let h: Harness;
  const quiet = () => undefined;

  beforeAll(async () => {
    h = await startHarness({ kind, sim: { shops: [{ domain: SHOP, seed: SEED }] } });
    await h.install(SHOP);
  }, 60_000);
  afterAll(async () => h?.close());

  it("answers while the apply still waits on Shopify, then applies it", async () => {
    let release!: () => void;
    const confirmation = new Promise<void>((r) => (release = r));
    // Confirming a new order id with Shopify hangs until released.
    const platform: CommercePlatform = Object.create(h.stack.platform);
    platform.orderBelongsTo = async (shop, id) => {
      await confirmation;
      return h.stack.platform.orderBelongsTo(shop, id);
    };
    const ingest = createWebhookIngestService({
      db: h.t.db,
      platforms: registryOf(h.t.db, platform),
      privacy: createPrivacyService({ db: h.t.db }),
      log: quiet,
    });
    const [created] = h.sim.playOrders(SHOP, 1, { guestRate: 0, refundRate: 0, cancelRate: 0 }).created;
    const body = JSON.stringify(orderPayload(h.sim.store(SHOP), h.sim.store(SHOP).orders.get(created.id)!));

    const answer = await Promise.race([
      ingest.ingest("shopify", Buffer.from(body), signed(body, "orders/create")),
      new Promise((r) => setTimeout(() => r("no answer after 2 s"), 2000)),
    ]);
    expect(answer).toBe("accepted");
    expect(await orders.findOrder(h.t.db, SHOP, String(created.id))).toBeUndefined();
    release();
    await ingest.idle();
    expect(await orders.findOrder(h.t.db, SHOP, String(created.id))).toBeDefined();
  });

  it("applies at start-up, once, what a dead process stored but never applied, without waiting out the grace", async () => {
    const store = h.sim.store(SHOP);
    const customerId = [...store.customers.keys()][0];
    const ids = Array.from({ length: 12 }, () => randomUUID());
    // As the dead process left them: stored a moment ago, due only after the in-flight grace.
    const now = new Date();
    for (const [i, id] of ids.entries()) {
      await webhookEvents.insertWebhookEvent(
        h.t.db,
        receivedDelivery(SHOP, id, {
          topic: "customers/data_request",
          received_at: now.toISOString(),
          payload: JSON.stringify(customersDataRequestPayload(store, customerId, 7000 + i)),
          next_attempt_at: new Date(now.getTime() + 60_000).toISOString(),
        }),
      );
    }
    const applied = new Map<string, number>();
    // Two instances start at once; each also runs its retry job (nothing is due yet, so that finds nothing).
    const a = createWebhookIngestService({
      db: h.t.db,
      platforms: h.platforms,
      privacy: countingPrivacy(h, applied),
      log: quiet,
    });
    const b = createWebhookIngestService({
      db: h.t.db,
      platforms: h.platforms,
      privacy: countingPrivacy(h, applied),
      log: quiet,
    });
    await Promise.all([a.resumeStored(), b.resumeStored(), a.retryPending(), b.retryPending()]);
    await Promise.all([a.idle(), b.idle()]);
    for (const id of ids) {
      expect(applied.get(id), id).toBe(1);
      expect((await webhookEvents.findWebhookEvent(h.t.db, SHOP, id))?.status).toBe("processed");
    }
  });

  it("never applies a delivery twice when retry jobs race for it", async () => {
    const store = h.sim.store(SHOP);
    const customerId = [...store.customers.keys()][1];
    const ids = Array.from({ length: 12 }, () => randomUUID());
    const longAgo = new Date(Date.now() - 3_600_000).toISOString();
    for (const [i, id] of ids.entries()) {
      await webhookEvents.insertWebhookEvent(h.t.db, {
        shop_domain: SHOP,
        webhook_id: id,
        topic: "customers/data_request",
        event_id: null,
        triggered_at: null,
        received_at: longAgo,
        status: "failed",
        payload: JSON.stringify(customersDataRequestPayload(store, customerId, 8000 + i)),
        processed_at: null,
        error: "earlier try failed",
        attempts: 1,
        next_attempt_at: longAgo,
      });
    }
    const applied = new Map<string, number>();
    const jobs = Array.from({ length: 3 }, () =>
      createWebhookIngestService({
        db: h.t.db,
        platforms: h.platforms,
        privacy: countingPrivacy(h, applied),
        log: quiet,
      }),
    );
    await Promise.all(jobs.map((j) => j.retryPending()));
    for (const id of ids) expect(applied.get(id), id).toBe(1);
    // Taken and applied: nothing is due any more.
    expect(await jobs[0].retryPending()).toBe(0);
  });
});
