// Issue 13: a large shop's customers come from a bulk export (paging them at 250 a page against the cost bucket
// was 35 s of the demo), a lost customer export starts a new one, and paging, when bulk really is unavailable,
// has a total so the status shows a percentage.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as syncState from "../../server/src/db/repositories/sync-state.repository.js";
import { countCustomers } from "../../server/src/db/repositories/customer.repository.js";
import type { CommercePlatform } from "../../server/src/platforms/commerce-platform.js";
import { createOrderSyncService } from "../../server/src/services/order-sync.service.js";
import { createSyncStatusService } from "../../server/src/services/sync-status.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startHarness, type Harness } from "./harness.js";
import { registryOf } from "../helpers/platforms.js";

const SEED = { until: new Date("2009-12-08T00:00:00Z"), maxCustomers: 25, includeGuests: false };
const BULK = "cust-bulk.myshopify.com";
const LOST = "cust-lost.myshopify.com";
const PAGED = "cust-paged.myshopify.com";

describe.each(DB_KINDS)("customers by bulk export, paging with a total, on %s", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ kind, sim: { shops: [BULK, LOST, PAGED].map((domain) => ({ domain, seed: SEED })) } });
    for (const shop of [BULK, LOST, PAGED]) await h.install(shop);
  });
  afterAll(async () => h?.close());

  /** The Shopify adapter, with customer paging refused, so a backfill that still pages customers fails. */
  const noCustomerPaging = (): CommercePlatform => ({
    ...h.stack.platform,
    listCustomers: async () => {
      throw new Error("customers were paged");
    },
  });

  const syncWith = (platform: CommercePlatform) =>
    createOrderSyncService({
      db: h.t.db,
      platforms: registryOf(h.t.db, platform),
      bulkPollMs: 10,
      log: () => undefined,
    });

  it("imports every customer from a customers bulk export, not from pages", async () => {
    const result = await syncWith(noCustomerPaging()).backfill(BULK);
    const store = h.sim.store(BULK);
    expect(result).toEqual({ method: "bulk", orders: store.orders.size, customers: store.customers.size });
    expect(await countCustomers(h.t.db, BULK)).toBe(store.customers.size);
    const queries = [...store.bulkOperations.values()].map((op) => op.query);
    expect(queries.filter((q) => /^\s*\{\s*customers\b/.test(q))).toHaveLength(1);
    expect((await syncState.findSyncState(h.t.db, BULK))?.customers_done).toBe(store.customers.size);
  });

  it("starts a new customer export when the stored one is lost (a restarted Shopify, an expired export)", async () => {
    const first = syncWith(noCustomerPaging());
    await first.backfill(LOST);
    // As a kill during the customer phase leaves it, with an export id this store never issued.
    await syncState.saveSyncState(
      h.t.db,
      LOST,
      { phase: "customers", customers_cursor: "bulk-operation:gid://shopify/BulkOperation/999999", customers_done: 3 },
      new Date(),
    );
    const logs: string[] = [];
    const resumed = createOrderSyncService({
      db: h.t.db,
      platforms: registryOf(h.t.db, noCustomerPaging()),
      bulkPollMs: 10,
      log: (m) => logs.push(m),
    });
    const result = await resumed.backfill(LOST);
    expect(result.customers).toBe(h.sim.store(LOST).customers.size);
    expect(logs.join("\n")).toMatch(/customer export .*999999.* unusable.*starting a new one/);
    expect((await syncState.findSyncState(h.t.db, LOST))?.phase).toBe("live");
  });

  it("pages orders with a total and a percentage when bulk exports fail", async () => {
    h.sim.failBulkOperations(PAGED, "INTERNAL_SERVER_ERROR");
    const status = createSyncStatusService({ db: h.t.db });
    const seen: Array<{ total: number | null; percent: number | null }> = [];
    const watching = syncWith({
      ...h.stack.platform,
      listOrders: async (shop, options) => {
        const s = await status.status(shop);
        seen.push({ total: s.progress?.total ?? null, percent: s.percent });
        return h.stack.platform.listOrders(shop, options);
      },
    });
    const result = await watching.backfill(PAGED);
    const orderCount = h.sim.store(PAGED).orders.size;
    expect(result.method).toBe("pages");
    expect(result.customers).toBe(h.sim.store(PAGED).customers.size);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((s) => s.total === orderCount && s.percent !== null)).toBe(true);
    expect(seen.at(-1)!.percent).toBeGreaterThan(0);
    h.sim.failBulkOperations(PAGED, null);
  });
});
