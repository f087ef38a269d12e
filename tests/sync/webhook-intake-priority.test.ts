// A queued apply waits while the same instance is acknowledging deliveries (intake-priority.ts): during a burst
// the applies' round trips took CPU the waiting senders needed. It runs once no acknowledgement is in flight, or
// after the longest wait even if acknowledgements never stop.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import type { CommercePlatform } from "../../server/src/platforms/commerce-platform.js";
import { createPrivacyService } from "../../server/src/services/privacy.service.js";
import { createWebhookIngestService } from "../../server/src/services/webhook-ingest.service.js";
import { orderPayload } from "../../server/src/simulator/webhook-payloads.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { registryOf } from "../helpers/platforms.js";
import { startHarness, type Harness, signedWebhookHeaders } from "./harness.js";

const SHOP = "yield.myshopify.com";
const SEED = { until: new Date("2009-12-05T00:00:00Z"), maxCustomers: 8, includeGuests: false };

describe.each(DB_KINDS)("queued applies give way to acknowledgements (%s)", (kind) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ kind, sim: { shops: [{ domain: SHOP, seed: SEED }] } });
    await h.install(SHOP);
  }, 60_000);
  afterAll(async () => h?.close());

  /** An ingest whose delivery `held` stays in its signature check until released. */
  function ingestWithHeldAck(applyYieldMaxMs: number) {
    const held = `held-${randomUUID()}`;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const platform: CommercePlatform = Object.create(h.stack.platform);
    platform.verifyWebhook = async (body, headers) => {
      if (headers["x-shopify-webhook-id"] === held) await released;
      return h.stack.platform.verifyWebhook(body, headers);
    };
    const ingest = createWebhookIngestService({
      db: h.t.db,
      platforms: registryOf(h.t.db, platform),
      privacy: createPrivacyService({ db: h.t.db }),
      log: () => undefined,
      applyYieldMaxMs,
    });
    return { ingest, release, held };
  }

  function newOrder(): { id: string; body: string } {
    const [created] = h.sim.playOrders(SHOP, 1, { guestRate: 0, refundRate: 0, cancelRate: 0 }).created;
    const store = h.sim.store(SHOP);
    return { id: String(created.id), body: JSON.stringify(orderPayload(store, store.orders.get(created.id)!)) };
  }
  const post = (ingest: ReturnType<typeof ingestWithHeldAck>["ingest"], body: string, webhookId?: string) =>
    ingest.ingest("shopify", Buffer.from(body), signedWebhookHeaders(body, "orders/create", SHOP, webhookId));
  const applied = async (id: string) => (await orders.findOrder(h.t.db, SHOP, id)) !== undefined;

  it("applies a stored delivery only once the acknowledgement in flight has answered", async () => {
    const { ingest, release, held } = ingestWithHeldAck(60_000);
    const [first, second] = [newOrder(), newOrder()];
    const heldAnswer = post(ingest, first.body, held);
    expect(await post(ingest, second.body)).toBe("accepted");
    await new Promise((r) => setTimeout(r, 500));
    expect(await applied(second.id)).toBe(false);
    release();
    expect(await heldAnswer).toBe("accepted");
    await ingest.idle();
    expect([await applied(first.id), await applied(second.id)]).toEqual([true, true]);
  });

  it("applies it after the longest wait while acknowledgements keep running", async () => {
    const { ingest, release, held } = ingestWithHeldAck(100);
    const [first, second] = [newOrder(), newOrder()];
    const heldAnswer = post(ingest, first.body, held);
    expect(await post(ingest, second.body)).toBe("accepted");
    await ingest.idle();
    expect(await applied(second.id)).toBe(true);
    release();
    expect(await heldAnswer).toBe("accepted");
    await ingest.idle();
    expect(await applied(first.id)).toBe(true);
  });
});
