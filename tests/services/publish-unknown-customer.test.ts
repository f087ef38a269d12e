// Issue 9.6: one customer Shopify no longer knows ("Owner does not exist") used to fail its whole atomic
// metafieldsSet call and every call after it, leaving dozens of customers unpublished on every republish.
// Here the real Shopify adapter talks to the store simulator.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startHarness, type Harness } from "../sync/harness.js";
import { NOW, prediction } from "../unit/domain/campaigns/fixtures.js";
import { createDecisionPublisher } from "../../server/src/services/decision-publisher.service.js";
import { listPublishedDecisions } from "../../server/src/db/repositories/decision.repository.js";
import { listPublishErrors } from "../../server/src/db/repositories/publish-error.repository.js";

const SHOP = "unknown-owner.myshopify.com";
const SEED = {
  since: new Date("2009-12-01T00:00:00Z"),
  until: new Date("2009-12-08T00:00:00Z"),
  maxCustomers: 198,
  includeGuests: false,
};

describe.each(DB_KINDS)("publishing decisions when Shopify no longer knows a customer, on %s", (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ kind, sim: { shops: [{ domain: SHOP, seed: SEED }] } });
    await h.install(SHOP);
  });
  afterEach(async () => h?.close());

  it("publishes the other 197 of 198 customers and reports the unknown one", async () => {
    const store = h.sim.store(SHOP);
    const ids = [...store.customers.keys()].map(String).sort();
    expect(ids).toHaveLength(198);
    // The merchant deleted one customer in Shopify after we synced them (the publisher sends ids in sorted order).
    const gone = ids[120];
    store.customers.delete(Number(gone));
    const logged: string[] = [];
    const publisher = createDecisionPublisher({
      db: h.t.db,
      platforms: h.platforms,
      loadPredictions: async () => ids.map((customerId) => prediction({ customerId })),
      now: () => NOW,
      log: (message) => logged.push(message),
    });

    const summary = await publisher.publishShop(SHOP);
    expect(summary).toMatchObject({
      customers: 198,
      metafieldsWritten: 197,
      metafieldsRejected: 1,
      metafieldFailures: 0,
    });
    const owners = [...store.metafields.values()]
      .filter((m) => m.ownerType === "CUSTOMER" && m.key === "decision")
      .map((m) => String(m.ownerId));
    expect(owners.sort()).toEqual(ids.filter((id) => id !== gone));
    const decisions = await listPublishedDecisions(h.t.db, SHOP, ids);
    expect(ids.filter((id) => !decisions.get(id)?.publishedAt)).toEqual([gone]);
    expect(await listPublishErrors(h.t.db, SHOP)).toEqual([
      { customerId: gone, reason: "unknown_customer", message: "Owner does not exist.", failedAt: NOW },
    ]);
    expect(logged.join("\n")).toContain(gone);

    // Republishing the shop leaves the unknown customer alone instead of failing on it again.
    const again = await publisher.publishShop(SHOP);
    expect(again).toMatchObject({ metafieldsWritten: 0, metafieldsRejected: 0, metafieldsSkipped: 1 });
  });
});
