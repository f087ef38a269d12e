// The apply queue runs a shop's deliveries side by side. An order apply checks that its customer was not redacted
// since it arrived, then waits on Shopify to confirm the order, then writes. A customers/redact applied in that gap
// must not be undone: the redacted customer is never revived by a delivery that arrived before the redact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import type { CommercePlatform } from "../../server/src/platforms/commerce-platform.js";
import { createPrivacyService } from "../../server/src/services/privacy.service.js";
import { createWebhookIngestService } from "../../server/src/services/webhook-ingest.service.js";
import { customersRedactPayload, orderPayload } from "../../server/src/simulator/webhook-payloads.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { registryOf } from "../helpers/platforms.js";
import { startHarness, type Harness, signedWebhookHeaders } from "./harness.js";

const SHOP = "redact-race.myshopify.com";
const SEED = { until: new Date("2009-12-05T00:00:00Z"), maxCustomers: 8, includeGuests: false };

const signed = (body: string, topic: string) => signedWebhookHeaders(body, topic, SHOP);

describe.each(DB_KINDS)("an order apply racing a customers/redact (%s)", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ kind, sim: { shops: [{ domain: SHOP, seed: SEED }] } });
    await h.install(SHOP);
  }, 60_000);
  afterAll(async () => h?.close());

  it("leaves the customer erased when the redact lands while the order waits on Shopify", async () => {
    let release!: () => void;
    const confirmation = new Promise<void>((r) => (release = r));
    let waiting!: () => void;
    const orderIsWaiting = new Promise<void>((r) => (waiting = r));
    const platform: CommercePlatform = Object.create(h.stack.platform);
    platform.orderBelongsTo = async (shop, id) => {
      waiting();
      await confirmation;
      return h.stack.platform.orderBelongsTo(shop, id);
    };
    const ingest = createWebhookIngestService({
      db: h.t.db,
      platforms: registryOf(h.t.db, platform),
      privacy: createPrivacyService({ db: h.t.db }),
      log: () => undefined,
    });
    const store = h.sim.store(SHOP);
    const [created] = h.sim.playOrders(SHOP, 1, { guestRate: 0, refundRate: 0, cancelRate: 0 }).created;
    const customerId = created.customerId!;

    const order = JSON.stringify(orderPayload(store, store.orders.get(created.id)!));
    expect(await ingest.ingest("shopify", Buffer.from(order), signed(order, "orders/create"))).toBe("accepted");
    await orderIsWaiting; // checked "not redacted", now waiting on Shopify
    const redact = JSON.stringify(customersRedactPayload(store, customerId));
    expect(await ingest.ingest("shopify", Buffer.from(redact), signed(redact, "customers/redact"))).toBe("accepted");
    await new Promise((r) => setTimeout(r, 200)); // without the lock the redact is applied here, before the order
    release();
    await ingest.idle();

    expect(await orders.findOrder(h.t.db, SHOP, String(created.id))).toBeUndefined();
    expect(await orders.listCustomerOrders(h.t.db, SHOP, String(customerId))).toEqual([]);
  });
});
