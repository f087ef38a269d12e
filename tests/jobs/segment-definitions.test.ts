// Issue 14: the segment fields' customer metafield definitions were made only at install, so a shop installed
// before that code had none. The segment-definitions job makes them for such a shop (the Shopify adapter against
// the store simulator), counts an existing definition (TAKEN) as made, remembers the shop so the next pass asks
// Shopify nothing, leaves a platform without the capability alone, and asks again after the shop is erased.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSegmentDefinitionsJob } from "../../server/src/jobs/segment-definitions.job.js";
import { defineSegmentMetafields } from "../../server/src/platforms/shopify/segment-definitions.js";
import type { PlatformLookup } from "../../server/src/platforms/registry.js";
import {
  createSegmentDefinitionsService,
  segmentDefinitionsEraser,
} from "../../server/src/services/segment-definitions.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startHarness, type Harness } from "../sync/harness.js";

const OLD = "installed-before.myshopify.com";
const NEW = "installed-after.myshopify.com";
const SEED = { since: new Date("2009-12-01T00:00:00Z"), until: new Date("2009-12-02T00:00:00Z"), maxCustomers: 3 };

describe.each(DB_KINDS)("segment metafield definitions for installed shops on %s", (kind) => {
  let h: Harness;
  let creates: string[];
  beforeEach(async () => {
    h = await startHarness({
      kind,
      sim: {
        shops: [
          { domain: OLD, seed: SEED },
          { domain: NEW, seed: SEED },
        ],
      },
    });
    await h.install(OLD); // as before: no definitions at install
    await h.install(NEW);
    await defineSegmentMetafields(h.stack.graphql, NEW); // as install does now
    creates = [];
  });
  afterEach(async () => h?.close());

  function jobWith(platforms: PlatformLookup = h.platforms, shops = [OLD, NEW]) {
    const definitions = createSegmentDefinitionsService({
      db: h.t.db,
      platforms,
      define: (shop) => {
        creates.push(shop);
        return defineSegmentMetafields(h.stack.graphql, shop);
      },
    });
    return createSegmentDefinitionsJob({ definitions, listShops: async () => shops, log: () => undefined });
  }
  /** The shop's customer definitions the segment editor may filter on. */
  const definedKeys = (shop: string) =>
    [...h.sim.store(shop).metafieldDefinitions.values()]
      .filter((d) => d.adminFilterable && d.ownerType === "CUSTOMER")
      .map((d) => d.key)
      .sort();

  it("defines them for a shop installed without them, takes TAKEN as defined, and asks nothing the second time", async () => {
    expect(definedKeys(OLD)).toEqual([]);
    expect(await jobWith().run()).toEqual({ shops: 2, defined: 2 });
    expect(definedKeys(OLD)).toEqual(["coupon_expiry", "due_date", "segment"]);
    expect(definedKeys(NEW)).toEqual(["coupon_expiry", "due_date", "segment"]);
    expect(creates).toEqual([OLD, NEW]);

    expect(await jobWith().run()).toEqual({ shops: 2, already: 2 });
    expect(creates).toEqual([OLD, NEW]); // no call on the second pass
  });

  it("leaves a platform whose segment editor can't filter on them alone, and asks again after an erase", async () => {
    const noFilters: PlatformLookup = {
      for: async (shop) => ({
        ...(await h.platforms.for(shop)),
        capabilities: { ...h.stack.platform.capabilities, customerSegmentMetafields: false },
      }),
    };
    expect(await jobWith(noFilters, [OLD]).run()).toEqual({ shops: 1, "not-applicable": 1 });
    expect(creates).toEqual([]);
    expect(definedKeys(OLD)).toEqual([]);

    await jobWith(h.platforms, [OLD]).run();
    await h.t.db.transaction().execute((trx) => segmentDefinitionsEraser.eraseShop(trx, OLD));
    expect(await jobWith(h.platforms, [OLD]).run()).toEqual({ shops: 1, defined: 1 });
    expect(creates).toEqual([OLD, OLD]);
  });

  it("a failed definition is not remembered: the next pass asks again", async () => {
    let fail = true;
    const definitions = createSegmentDefinitionsService({
      db: h.t.db,
      platforms: h.platforms,
      define: async (shop) => {
        creates.push(shop);
        if (fail) throw new Error("throttled");
        return defineSegmentMetafields(h.stack.graphql, shop);
      },
    });
    const job = createSegmentDefinitionsJob({ definitions, listShops: async () => [OLD], log: () => undefined });
    expect(await job.run()).toEqual({ shops: 1, failed: 1 });
    fail = false;
    expect(await job.run()).toEqual({ shops: 1, defined: 1 });
    expect(definedKeys(OLD)).toEqual(["coupon_expiry", "due_date", "segment"]);
  });
});
