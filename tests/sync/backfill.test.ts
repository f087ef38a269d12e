import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import * as syncState from "../../server/src/db/repositories/sync-state.repository.js";
import { syncWith } from "./sync-with.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startHarness, type Harness } from "./harness.js";

const SEED = { until: new Date("2009-12-08T00:00:00Z"), maxCustomers: 25, includeGuests: false };
const A = "fill-a.myshopify.com";
const B = "fill-b.myshopify.com";
const C = "fill-c.myshopify.com";

describe.each(DB_KINDS)("backfill against the simulator on %s", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ kind, sim: { shops: [A, B, C].map((domain) => ({ domain, seed: SEED })) } });
    for (const shop of [A, B, C]) await h.install(shop);
  });
  afterAll(async () => h?.close());

  it("imports every order and customer through a bulk export, with excluded orders kept and flagged", async () => {
    const result = await h.sync.backfill(A);
    const store = h.sim.store(A);
    expect(result).toEqual({ method: "bulk", orders: store.orders.size, customers: store.customers.size });
    const lines = [...store.orders.values()].reduce((n, o) => n + o.lines.length, 0);
    expect((await orders.countOrders(h.t.db, A)).lines).toBe(lines);
    const cancelled = [...store.orders.values()].filter((o) => o.cancelledAt !== null);
    expect(cancelled.length).toBeGreaterThan(0);
    for (const o of cancelled)
      expect((await orders.findOrder(h.t.db, A, String(o.id)))?.excludedReason).toBe("cancelled");
    // The harness's default shop is A, as the demo shop is in demo mode (no session token).
    const status = await (await fetch(`${h.url}/api/sync/status`)).json();
    expect(status).toMatchObject({
      state: "done",
      phase: "live",
      method: "bulk",
      percent: 100,
      orders: store.orders.size,
      customers: store.customers.size,
    });
  });

  it("falls back to cursor pagination when bulk operations fail", async () => {
    h.sim.failBulkOperations(B, "INTERNAL_SERVER_ERROR");
    const result = await h.sync.backfill(B);
    expect(result.method).toBe("pages");
    expect(result.orders).toBe(h.sim.store(B).orders.size);
    h.sim.failBulkOperations(B, null);
  });

  it("resumes a backfill killed mid-run from its cursor, without duplicates or gaps", async () => {
    h.sim.failBulkOperations(C, "TIMEOUT"); // force paging so there is a cursor to resume from
    const controller = new AbortController();
    let pages = 0;
    const killable = syncWith(
      h,
      {
        listOrders: async (shop, o) => {
          if (++pages === 3) controller.abort(new Error("killed"));
          return h.stack.platform.listOrders(shop, o);
        },
      },
      { pageSize: 10 },
    );
    await expect(killable.backfill(C, { signal: controller.signal })).rejects.toThrow();
    const mid = await syncState.findSyncState(h.t.db, C);
    expect(mid?.phase).toBe("paging");
    expect(mid?.cursor).toBeTruthy();
    const storedMid = (await orders.countOrders(h.t.db, C)).total;
    expect(storedMid).toBeGreaterThan(0);
    expect(storedMid).toBeLessThan(h.sim.store(C).orders.size);

    let resumedItems = 0;
    const resumer = syncWith(
      h,
      {
        listOrders: async (shop, o) => {
          const p = await h.stack.platform.listOrders(shop, o);
          resumedItems += p.items.length;
          return p;
        },
      },
      { pageSize: 10 },
    );
    const result = await resumer.backfill(C);
    const total = h.sim.store(C).orders.size;
    expect(result.orders).toBe(total);
    expect((await orders.countOrders(h.t.db, C)).total).toBe(total);
    expect(resumedItems).toBe(total - storedMid); // nothing re-read before the saved cursor
    h.sim.failBulkOperations(C, null);
  });

  it("reconcile catches an order whose webhook never arrived", async () => {
    const [customerId] = [...h.sim.store(A).customers.keys()];
    h.sim.playOrders(A, 3, { guestRate: 0, refundRate: 0, cancelRate: 0 }); // nobody subscribed: webhooks are lost
    const before = (await orders.countOrders(h.t.db, A)).total;
    const result = await h.sync.reconcile(A);
    expect(result.changed).toBeGreaterThanOrEqual(3);
    expect((await orders.countOrders(h.t.db, A)).total).toBe(before + 3);
    expect(customerId).toBeDefined();
  });

  it("keeps shops apart: shop A's orders never show up under shop B", async () => {
    const aIds = [...h.sim.store(A).orders.keys()].map(String);
    const bIds = new Set([...h.sim.store(B).orders.keys()].map(String));
    const onlyA = aIds.filter((id) => !bIds.has(id)).slice(0, 5);
    for (const id of onlyA) expect(await orders.findOrder(h.t.db, B, id)).toBeUndefined();
    expect((await orders.countOrders(h.t.db, B)).total).toBe(h.sim.store(B).orders.size);
  });
});
