// Issue 11: two publishers of the same customer at once (two instances, or a whole-shop publish and an order's
// republish) both read the fields last written, decided against them and both sent the same values: the scale
// test saw a customer's unchanged segment and due_date written twice. Each customer is now claimed in the database
// (publish_claims) from that read to recording the write; a claim left by a killed instance lapses and the next
// publish sends what it never sent.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startHarness, type Harness } from "../sync/harness.js";
import { NOW, prediction } from "../unit/domain/campaigns/fixtures.js";
import { createDecisionPublisher } from "../../server/src/services/decision-publisher.service.js";
import { defineSegmentMetafields } from "../../server/src/platforms/shopify/segment-definitions.js";
import { claimCustomers } from "../../server/src/db/repositories/publish-claim.repository.js";
import type { CommercePlatform } from "../../server/src/platforms/commerce-platform.js";
import type { PlatformLookup } from "../../server/src/platforms/registry.js";
import type { PredictionLoader } from "../../server/src/services/decision-publisher.service.js";
import type { CustomerPrediction } from "../../server/src/domain/timing/prediction.js";

const SHOP = "claims.myshopify.com";
const SEED = { since: new Date("2009-12-01T00:00:00Z"), until: new Date("2009-12-08T00:00:00Z"), maxCustomers: 5 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The shop's platform with `beforeWrite` run before each metafield call (the adapter's own methods otherwise). */
function platformsWith(h: Harness, beforeWrite: () => Promise<void>): PlatformLookup {
  return {
    for: async (shop) => {
      const real = await h.platforms.for(shop);
      const wrapped: CommercePlatform = Object.create(real);
      wrapped.setCustomerMetafields = async (...args) => {
        await beforeWrite();
        return real.setCustomerMetafields(...args);
      };
      return wrapped;
    },
  };
}

/** A platform whose metafield calls stop until `open()`; `sending` settles when the first one reaches it. */
function heldAtPlatform(h: Harness) {
  let reached!: () => void;
  const sending = new Promise<void>((resolve) => (reached = resolve));
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const platforms = platformsWith(h, async () => {
    reached();
    await gate;
  });
  return { platforms, sending, open };
}

describe.each(DB_KINDS)("two publishers of one customer at once on %s", (kind) => {
  let h: Harness;
  let ids: string[];
  let predictions: Map<string, CustomerPrediction>;
  /** Every write to the store since the test began, `customer:key`, and the same with `=value`. */
  let writes: string[];
  let values: string[];
  beforeEach(async () => {
    h = await startHarness({ kind, sim: { shops: [{ domain: SHOP, seed: SEED }] } });
    await h.install(SHOP);
    await defineSegmentMetafields(h.stack.graphql, SHOP);
    ids = [...h.sim.store(SHOP).customers.keys()].map(String).sort().slice(0, 3);
    predictions = new Map(ids.map((id) => [id, prediction({ customerId: id })]));
    writes = [];
    values = [];
    const metafields = h.sim.store(SHOP).metafields;
    const set = metafields.set.bind(metafields);
    metafields.set = (key, record) => {
      writes.push(`${record.ownerId}:${record.key}`);
      values.push(`${record.ownerId}:${record.key}=${record.value}`);
      return set(key, record);
    };
  });
  afterEach(async () => h?.close());

  /** One app instance's publisher: its own in-process queue, the shared database. */
  const current: PredictionLoader = async (_shop, only) =>
    [...predictions.values()].filter((p) => !only || only.includes(p.customerId));
  const instance = (platforms: PlatformLookup = h.platforms, claimWaitMs?: number, loadPredictions = current) =>
    createDecisionPublisher({
      db: h.t.db,
      platforms,
      loadPredictions,
      now: () => NOW,
      log: () => {},
      claimPollMs: 10,
      claimWaitMs,
    });
  /** Customer metafields written more than once since the test began. */
  const writtenTwice = () => writes.filter((w, i) => writes.indexOf(w) !== i);

  it("a whole-shop publish and a customer's republish overlapping write each field once", async () => {
    // The whole-shop publish stops at its platform call until the customer's republish has had its chance.
    const held = heldAtPlatform(h);
    const shopWide = instance(held.platforms);
    let republished!: () => void;
    const republishSent = new Promise<void>((resolve) => (republished = resolve));
    const perCustomer = instance(platformsWith(h, async () => republished()));

    const whole = shopWide.publishShop(SHOP);
    await held.sending;
    const one = perCustomer.publishCustomers(SHOP, [ids[1]]);
    // Unclaimed, the republish reaches the platform at once; claimed, it waits for the whole-shop publish.
    await Promise.race([republishSent, sleep(500)]);
    held.open();
    const [shopSummary, customerSummary] = await Promise.all([whole, one]);

    expect(writes.filter((w) => w.startsWith(`${ids[1]}:`)).sort()).toEqual([
      `${ids[1]}:decision`,
      `${ids[1]}:due_date`,
      `${ids[1]}:segment`,
    ]);
    expect(writtenTwice()).toEqual([]);
    expect(shopSummary).toMatchObject({ metafieldsWritten: 3, metafieldFailures: 0 });
    expect(customerSummary).toMatchObject({ metafieldsWritten: 0, metafieldFailures: 0 });
  });

  it("a claim left by a killed publisher holds its customer until it lapses, then the change is sent", async () => {
    // A killed instance claimed the first customer and never sent it: its claim lapses in 400 ms.
    const at = new Date();
    await claimCustomers(h.t.db, SHOP, [ids[0]], "killed-instance", at, new Date(at.getTime() + 400));
    const publisher = instance(h.platforms, 50);

    const whileHeld = await publisher.publishShop(SHOP);
    expect(whileHeld).toMatchObject({ metafieldsWritten: 2, metafieldFailures: 1 });
    expect(writes.filter((w) => w.startsWith(`${ids[0]}:`))).toEqual([]);

    await sleep(450);
    expect(await publisher.publishShop(SHOP)).toMatchObject({ metafieldsWritten: 1, metafieldFailures: 0 });
    expect(writes.filter((w) => w.startsWith(`${ids[0]}:`)).sort()).toEqual([
      `${ids[0]}:decision`,
      `${ids[0]}:due_date`,
      `${ids[0]}:segment`,
    ]);
    expect(writtenTwice()).toEqual([]);
  });

  it("a publisher that waited for a customer decides it on the prediction stored meanwhile, not the one it read", async () => {
    await instance().publishShop(SHOP);
    const before = new Map(predictions);
    // A recompute moves the second customer to another segment; its republish is at the platform (gated).
    const moved = { ...before.get(ids[1])!, segment: { ...before.get(ids[1])!.segment!, key: "repeat:core_active" } };
    predictions.set(ids[1], moved as CustomerPrediction);
    const held = heldAtPlatform(h);
    const republish = instance(held.platforms).publishCustomers(SHOP, [ids[1]]);
    await held.sending;
    // A whole-shop publish that listed its customers before the recompute stored the new prediction.
    let listed = false;
    const listedBefore: PredictionLoader = async (shop, only) => {
      if (only === null && !listed) {
        listed = true;
        return [...before.values()];
      }
      return current(shop, only);
    };
    const whole = instance(h.platforms, undefined, listedBefore).publishShop(SHOP);
    await sleep(200);
    held.open();
    await Promise.all([republish, whole]);

    const segmentValues = values.filter((v) => v.startsWith(`${ids[1]}:segment=`)).map((v) => v.split("=")[1]);
    expect(segmentValues.slice(1)).toEqual(["repeat:core_active"]);
  });
});
