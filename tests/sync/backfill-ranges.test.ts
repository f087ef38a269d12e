// The orders backfill as bulk exports by created_at range (bulk-order-ranges.ts): the ranges split the shop's
// orders with none twice, each range's export is started before the previous one is read (so Shopify builds it
// meanwhile), and a backfill killed in a range resumes at that range with every order stored once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import * as syncState from "../../server/src/db/repositories/sync-state.repository.js";
import { createdRanges, decodeRangedExport } from "../../server/src/services/bulk-order-ranges.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startHarness, type Harness } from "./harness.js";
import { syncWith } from "./sync-with.js";

// A year of orders ending yesterday, so every range holds some.
const SEED = { until: new Date("2010-12-09T00:00:00Z"), maxCustomers: 40, includeGuests: false };
const SHOPS = { whole: "ranges-a.myshopify.com", killed: "ranges-b.myshopify.com", refused: "ranges-c.myshopify.com" };

/** The harness's Shopify platform with its bulk export starts and reads logged in call order. */
function loggedSync(h: Harness, events: string[], killAtRead?: { nth: number; controller: AbortController }) {
  let reads = 0;
  return syncWith(h, {
    startBulkExport: async (shop, options) => {
      const op = await h.stack.platform.startBulkExport(shop, options);
      events.push(`start ${op.id}`);
      return op;
    },
    readBulkExport: (shop, id) => {
      events.push(`read ${id}`);
      if (killAtRead && ++reads === killAtRead.nth) killAtRead.controller.abort(new Error("killed"));
      return h.stack.platform.readBulkExport(shop, id);
    },
  });
}

describe.each(DB_KINDS)("orders backfill by created_at range on %s", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    const seed = { ...SEED, timeShiftTo: new Date(Date.now() - 86_400_000) };
    // The refused shop pages most of its orders at the platform's rate: a few customers keep that short.
    const seedOf = (domain: string) => (domain === SHOPS.refused ? { ...seed, maxCustomers: 4 } : seed);
    h = await startHarness({
      kind,
      sim: { shops: Object.values(SHOPS).map((domain) => ({ domain, seed: seedOf(domain) })) },
    });
    for (const shop of Object.values(SHOPS)) await h.install(shop);
  });
  afterAll(async () => h?.close());

  it("stores every order once through one export per range, each started before the previous is read", async () => {
    const shop = SHOPS.whole;
    const events: string[] = [];
    await loggedSync(h, events).backfill(shop);
    const starts = events.filter((e) => e.startsWith("start")).map((e) => e.slice(6));
    expect(starts).toHaveLength(createdRanges(new Date()).length);
    // Start of range k+1 comes before the read of range k.
    for (let k = 0; k + 1 < starts.length; k++)
      expect(events.indexOf(`start ${starts[k + 1]}`)).toBeLessThan(events.indexOf(`read ${starts[k]}`));
    const counts = await Promise.all(
      starts.map(async (id) => (await h.stack.platform.getBulkExport(shop, id)).rootObjectCount ?? 0),
    );
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(2);
    const stored = h.sim.store(shop).orders.size;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(stored);
    expect((await orders.countOrders(h.t.db, shop)).total).toBe(stored);
    expect((await syncState.findSyncState(h.t.db, shop))?.phase).toBe("live");
  });

  it("resumes a backfill killed in its third range at the range it stopped in", async () => {
    const shop = SHOPS.killed;
    const controller = new AbortController();
    const killedEvents: string[] = [];
    const killed = loggedSync(h, killedEvents, { nth: 3, controller });
    await expect(killed.backfill(shop, { signal: controller.signal })).rejects.toThrow();
    const at = decodeRangedExport((await syncState.findSyncState(h.t.db, shop))?.bulk_operation_id);
    // Killed while reading the third range: it stops at its next checkpoint (a batch, or the next range's wait).
    expect(at?.range).toBeGreaterThanOrEqual(2);
    const events: string[] = [];
    await loggedSync(h, events).backfill(shop);
    // The stored exports are read again; nothing older is exported or read again.
    expect(events).toEqual([`read ${at?.id}`, ...(at?.next ? [`read ${at.next}`] : [])]);
    const stored = h.sim.store(shop).orders.size;
    expect((await orders.countOrders(h.t.db, shop)).total).toBe(stored);
    expect((await syncState.findSyncState(h.t.db, shop))?.orders_done).toBe(stored);
  });

  it("does not export a stored range again when the platform refuses the next range's export", async () => {
    const shop = SHOPS.refused;
    const events: string[] = [];
    let first: string | undefined;
    const refusing = syncWith(h, {
      startBulkExport: async (s, options) => {
        first ??= JSON.stringify(options);
        if (JSON.stringify(options) !== first)
          throw new Error("A bulk query operation for this app and shop is already in progress");
        const op = await h.stack.platform.startBulkExport(s, options);
        events.push(`start ${op.id}`);
        return op;
      },
      readBulkExport: (s, id) => {
        events.push(`read ${id}`);
        return h.stack.platform.readBulkExport(s, id);
      },
    });
    await refusing.backfill(shop);
    // One export of the first range, read once; then pages for the rest (before: range 0 exported and read twice).
    expect(events.filter((e) => e.startsWith("start"))).toHaveLength(1);
    expect(events.filter((e) => e.startsWith("read"))).toHaveLength(1);
    const stored = h.sim.store(shop).orders.size;
    expect((await orders.countOrders(h.t.db, shop)).total).toBe(stored);
    expect((await syncState.findSyncState(h.t.db, shop))?.phase).toBe("live");
  }, 120_000);
});
