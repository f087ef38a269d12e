// Issue 14: the publisher writes each customer's segment, due date (the due window's start) and coupon expiry to
// $app:dangol customer metafields beside the decision, clears the ones that no longer apply, rewrites only customers
// whose fields changed, and the simulator's segment query (what the customer segment editor runs) answers exactly the
// customers in a Dangol segment. The real Shopify adapter talks to the store simulator.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startHarness, type Harness } from "../sync/harness.js";
import { DAY, NOW, prediction } from "../unit/domain/campaigns/fixtures.js";
import { createDecisionPublisher } from "../../server/src/services/decision-publisher.service.js";
import { defineSegmentMetafields } from "../../server/src/platforms/shopify/segment-definitions.js";
import { reserveCoupon } from "../../server/src/db/repositories/coupon.repository.js";
import type { CustomerPrediction } from "../../server/src/domain/timing/prediction.js";

const SHOP = "segments.myshopify.com";
const OTHER = "segments-other.myshopify.com";
const SEED = {
  since: new Date("2009-12-01T00:00:00Z"),
  until: new Date("2009-12-08T00:00:00Z"),
  maxCustomers: 30,
  includeGuests: false,
};
const MEMBERS = `query($q: String!) { customerSegmentMembers(query: $q, first: 250) { totalCount nodes { id } } }`;
const segment = (key: string) => ({
  lifecycle: "repeat" as const,
  purchase: "at_risk" as const,
  visit: "unknown" as const,
  key,
});
const day = (d: Date) => d.toISOString().slice(0, 10);

describe.each(DB_KINDS)("publishing segment metafields on %s", (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({
      kind,
      sim: {
        shops: [
          { domain: SHOP, seed: SEED },
          { domain: OTHER, seed: SEED },
        ],
      },
    });
    for (const shop of [SHOP, OTHER]) {
      await h.install(shop);
      await defineSegmentMetafields(h.stack.graphql, shop);
    }
  });
  afterEach(async () => h?.close());

  /** The real publisher over these predictions (changed in place by the test), on the harness's clock NOW. */
  const publisherOver = (predictions: Map<string, CustomerPrediction>) =>
    createDecisionPublisher({
      db: h.t.db,
      platforms: h.platforms,
      loadPredictions: async (_shop, only) =>
        [...predictions.values()].filter((p) => !only || only.includes(p.customerId)),
      now: () => NOW,
      log: () => {},
    });

  async function members(query: string, shop = SHOP): Promise<string[]> {
    const data = await h.stack.graphql.request<{ customerSegmentMembers: { nodes: Array<{ id: string }> } }>(
      shop,
      MEMBERS,
      { q: query },
    );
    return data.customerSegmentMembers.nodes.map((n) => n.id.split("/").pop()!).sort();
  }

  it("writes, rewrites only what changed, clears what no longer applies, and keeps shops apart", async () => {
    const ids = [...h.sim.store(SHOP).customers.keys()].map(String).sort();
    expect(ids).toHaveLength(30);
    const lapsed = ids.slice(0, 8);
    const predictions = new Map<string, CustomerPrediction>(
      ids.map((id, i) => [
        id,
        prediction({ customerId: id, segment: segment(i < 8 ? "repeat:lapsed" : "repeat:core_active") }),
      ]),
    );
    const dueStart = day(predictions.get(ids[0])!.dueWindow!.early);
    const expires = new Date(NOW.getTime() + 10 * DAY);
    await reserveCoupon(h.t.db, {
      shop_domain: SHOP,
      code: "DANGOL-TEST-1",
      customer_id: ids[5],
      campaign_key: "winback",
      occasion: "2026-10-01T00:00:00.000Z",
      percent_off: 0.1,
      discount_id: "gid://shopify/DiscountCodeNode/1",
      status: "active",
      issued_at: NOW.toISOString(),
      expires_at: expires.toISOString(),
      used_at: null,
    });
    const publisher = publisherOver(predictions);

    const first = await publisher.publishShop(SHOP);
    expect(first).toMatchObject({ customers: 30, metafieldsWritten: 30, metafieldFailures: 0, metafieldsRejected: 0 });
    expect(await members("metafields.$app:dangol.segment = 'repeat:lapsed'")).toEqual(lapsed);
    expect(await members("metafields.$app:dangol.segment = 'repeat:core_active'")).toEqual(ids.slice(8));
    expect(await members(`metafields.$app:dangol.due_date = ${dueStart}`)).toEqual(ids);
    expect(await members(`metafields.$app:dangol.coupon_expiry = ${day(expires)}`)).toEqual([ids[5]]);
    expect(await members("metafields.$app:dangol.coupon_expiry IS NULL")).toHaveLength(29);

    // Nothing changed: nothing is written again.
    expect(await publisher.publishShop(SHOP)).toMatchObject({ metafieldsWritten: 0 });

    // One customer left the segment, one has no due window any more: those two are rewritten, the due date cleared.
    predictions.set(ids[0], prediction({ customerId: ids[0], segment: segment("repeat:core_active") }));
    predictions.set(
      ids[9],
      prediction({ customerId: ids[9], segment: segment("repeat:core_active"), dueWindow: null }),
    );
    expect(await publisher.publishShop(SHOP)).toMatchObject({ metafieldsWritten: 2 });
    expect(await members("metafields.$app:dangol.segment = 'repeat:lapsed'")).toEqual(lapsed.slice(1));
    expect(await members("metafields.$app:dangol.due_date IS NULL")).toEqual([ids[9]]);
    const store = h.sim.store(SHOP);
    expect(
      [...store.metafields.values()]
        .filter((m) => String(m.ownerId) === ids[9])
        .map((m) => m.key)
        .sort(),
    ).toEqual(["decision", "segment"]);

    // The other shop holds the same customer ids (same seed) and nothing of this shop's.
    expect(h.sim.store(OTHER).customers.has(Number(ids[1]))).toBe(true);
    expect(await members("metafields.$app:dangol.segment IS NOT NULL", OTHER)).toEqual([]);
    expect(h.sim.store(OTHER).metafields.size).toBe(0);
  });

  it("writes only the fields whose value changed, not every field of a changed customer", async () => {
    const ids = [...h.sim.store(SHOP).customers.keys()].map(String).sort();
    const predictions = new Map<string, CustomerPrediction>(
      ids.map((id) => [id, prediction({ customerId: id, segment: segment("repeat:lapsed") })]),
    );
    const publisher = publisherOver(predictions);
    await publisher.publishShop(SHOP);
    // Every later write to the store, by customer and key (the way the scale test counts them).
    const writes: string[] = [];
    const metafields = h.sim.store(SHOP).metafields;
    const set = metafields.set.bind(metafields);
    metafields.set = (key, record) => {
      writes.push(`${record.ownerId}:${record.key}`);
      return set(key, record);
    };
    // Only the segment changes; the due date stays the same.
    predictions.set(ids[0], prediction({ customerId: ids[0], segment: segment("repeat:core_active") }));
    expect(await publisher.publishShop(SHOP)).toMatchObject({ metafieldsWritten: 1 });
    expect(writes.filter((w) => w.startsWith(`${ids[0]}:`) && w !== `${ids[0]}:decision`)).toEqual([
      `${ids[0]}:segment`,
    ]);
  });
});
