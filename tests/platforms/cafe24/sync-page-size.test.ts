// The shared order sync (what an install and the reconcile run) pages a Cafe24 mall with the platform's own page
// size. It used to ask for Shopify's 50 orders a call: ~560 calls at Cafe24's 2 calls/s, a backfill of minutes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrderSyncService } from "../../../server/src/services/order-sync.service.js";
import { installedOn } from "../../helpers/platforms.js";
import { startCafe24Harness, type Cafe24Harness } from "./harness.js";

const MALL = "pagemall";
let h: Cafe24Harness;

beforeAll(async () => {
  h = await startCafe24Harness({
    malls: [{ mallId: MALL, seed: { timeShiftTo: new Date(), maxCustomers: 300, includeGuests: false } }],
  });
  await h.install(MALL);
}, 180_000);
afterAll(async () => h?.close());

describe("Cafe24 backfill through the shared sync", () => {
  it("reads every order and member in calls of up to 1,000 rows", async () => {
    // The walk starts at the mall's first order, so empty windows before it don't blur the count of calls.
    const first = h.sim.mall(MALL).orders[0].orderDate;
    const m = h.module({ historyStart: () => new Date(first - 86_400_000) });
    const platforms = await installedOn(h.db.db, m.platform, [MALL]);
    const sync = createOrderSyncService({ db: h.db.db, platforms, log: () => {} });
    const mall = h.sim.mall(MALL);
    const before = h.sim.callStats(MALL).calls;

    const result = await sync.backfill(MALL);

    expect(result.method).toBe("pages");
    expect(result.orders).toBe(mall.orders.length);
    expect(result.customers).toBe(mall.customers.size);
    const rows = mall.orders.length + mall.customers.size;
    // One count per window and one call per 1,000 rows; 50-row pages need over rows / 50.
    const calls = h.sim.callStats(MALL).calls - before;
    expect(calls).toBeLessThan(rows / 100);
  }, 300_000);
});
