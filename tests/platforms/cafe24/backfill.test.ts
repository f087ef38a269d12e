// A Cafe24 backfill over the whole Online Retail file squeezed into ~4 months (more than 3 months, so several
// windows, and one 3-month window with more than 15,000 orders, so it must be split): it completes, matches the
// simulator's counts exactly, never meets a 429 though the bucket is small, and resumes after an abort with no
// duplicate and no gap.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  backfillCafe24Customers,
  backfillCafe24Orders,
  type CursorStore,
} from "../../../server/src/platforms/cafe24/index.js";
import { addKstMonthsForTest, startCafe24Harness, type Cafe24Harness } from "./harness.js";

const MALL = "bigmall";
const DAY = 86_400_000;
let h: Cafe24Harness;
const historyStart = () => new Date(Date.now() - 200 * DAY);

function memoryCursor(): CursorStore & { value: string | null } {
  const store = {
    value: null as string | null,
    load: async () => store.value,
    save: async (cursor: string) => {
      store.value = cursor;
    },
  };
  return store;
}

beforeAll(async () => {
  h = await startCafe24Harness({
    malls: [{ mallId: MALL, seed: { timeShiftTo: new Date(Date.now() - DAY), timeScale: 0.3 } }],
    // A small, slowly draining bucket: the backfill has to pace itself to stay under it.
    bucket: { size: 8, drainPerSecond: 4 },
  });
  await h.install(MALL);
}, 180_000);
afterAll(async () => h?.close());

describe("Cafe24 backfill on the simulator", () => {
  it("has a window longer than 3 months holding more than 15,000 orders in 3 months", () => {
    const orders = h.sim.mall(MALL).orders;
    const first = orders[0].orderDate;
    expect(orders.at(-1)!.orderDate - first).toBeGreaterThan(92 * DAY);
    const inThreeMonths = h.sim.mall(MALL).ordersPlacedBetween(first, addKstMonthsForTest(first, 3) - 1);
    expect(inThreeMonths.length).toBeGreaterThan(15_000);
  });

  it("reads every order exactly once, windows split under the offset cap", async () => {
    const m = h.module({ historyStart, budget: { drainPerSecond: 4 } });
    const seen = new Map<string, number>();
    const cursors = memoryCursor();
    const result = await backfillCafe24Orders({
      platform: m.platform,
      mallId: MALL,
      cursors,
      store: async (orders) => {
        for (const o of orders) seen.set(o.id, (seen.get(o.id) ?? 0) + 1);
      },
    });
    expect(result).toBe("done");
    const mall = h.sim.mall(MALL);
    expect(seen.size).toBe(mall.orders.length);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(await m.platform.countOrders(MALL, {})).toBe(mall.orders.length);
    expect(h.sim.callStats(MALL).refused429).toBe(0);
  }, 240_000);

  it("resumes an aborted backfill from its stored cursor in a new instance: no duplicate, no gap", async () => {
    const cursors = memoryCursor();
    const seen = new Map<string, number>();
    const count = (orders: Array<{ id: string }>) => {
      for (const o of orders) seen.set(o.id, (seen.get(o.id) ?? 0) + 1);
    };
    const abort = new AbortController();
    let pages = 0;
    const first = h.module({ historyStart, budget: { drainPerSecond: 4 } });
    const partial = await backfillCafe24Orders({
      platform: first.platform,
      mallId: MALL,
      cursors,
      pageSize: 700,
      signal: abort.signal,
      store: async (orders) => {
        count(orders);
        if (++pages === 12) abort.abort(); // mid-walk, past the first split window
      },
    });
    expect(partial).toBe("aborted");
    expect(seen.size).toBeGreaterThan(5_000);
    expect(seen.size).toBeLessThan(h.sim.mall(MALL).orders.length);
    const stored = JSON.parse(cursors.value!);
    expect(stored).toMatchObject({ v: 1 });
    expect(stored.offset).toBeGreaterThan(0);

    const second = h.module({ historyStart, budget: { drainPerSecond: 4 } }); // a restarted process
    const rest = await backfillCafe24Orders({
      platform: second.platform,
      mallId: MALL,
      cursors,
      pageSize: 700,
      store: async (o) => count(o),
    });
    expect(rest).toBe("done");
    expect(seen.size).toBe(h.sim.mall(MALL).orders.length);
    expect([...seen.values()].filter((n) => n > 1)).toEqual([]);
    expect(h.sim.callStats(MALL).refused429).toBe(0);
  }, 240_000);

  it("reads every member exactly once", async () => {
    const m = h.module({ historyStart, budget: { drainPerSecond: 4 } });
    const ids: string[] = [];
    await backfillCafe24Customers({
      platform: m.platform,
      mallId: MALL,
      cursors: memoryCursor(),
      store: async (customers) => {
        ids.push(...customers.map((c) => c.id));
      },
    });
    expect(ids.length).toBe(h.sim.mall(MALL).customers.size);
    expect(new Set(ids).size).toBe(ids.length);
  }, 120_000);

  it("maps orders like the Shopify mappers: won totals, refunds, cancellations, guests, lines", async () => {
    const m = h.module({ historyStart });
    const page = await m.platform.listOrders(MALL, { pageSize: 1000 });
    const mall = h.sim.mall(MALL);
    for (const order of page.items) {
      const record = mall.ordersById.get(order.id)!;
      expect(order.currency).toBe("KRW");
      expect(Number.isInteger(order.totalPrice)).toBe(true);
      expect(order.customerId).toBe(record.memberId);
      expect(order.cancelledAt === null).toBe(record.cancelDate === null);
      expect(order.refundedTotal).toBe(record.refunded);
      expect(order.lines.length).toBe(record.items.length);
      expect(order.processedAt.getTime()).toBe(record.orderDate);
    }
    expect(page.items.some((o) => o.customerId === null)).toBe(true);
  }, 60_000);
});

describe("Cafe24 call budget", () => {
  it("paces a quick backfill under a small bucket: it waits, and Cafe24 never answers 429", async () => {
    const small = await startCafe24Harness({
      malls: [
        {
          mallId: "quickmall",
          seed: { until: new Date("2009-12-08T00:00:00Z"), timeShiftTo: new Date(Date.now() - DAY) },
        },
      ],
      bucket: { size: 6, drainPerSecond: 20 },
    });
    try {
      await small.install("quickmall");
      const m = small.module({ historyStart: () => new Date(Date.now() - 30 * DAY), budget: { drainPerSecond: 20 } });
      const ids = new Set<string>();
      await backfillCafe24Orders({
        platform: m.platform,
        mallId: "quickmall",
        cursors: memoryCursor(),
        pageSize: 20,
        store: async (orders) => {
          for (const o of orders) ids.add(o.id);
        },
      });
      expect(ids.size).toBe(small.sim.mall("quickmall").orders.length);
      expect(small.sim.callStats("quickmall").calls).toBeGreaterThan(30);
      expect(small.sim.callStats("quickmall").refused429).toBe(0);
      expect(m.budget.waitedMs).toBeGreaterThan(0);
    } finally {
      await small.close();
    }
  }, 120_000);
});

describe("Cafe24 backfill after a dropped connection", () => {
  it("fails retriably mid-walk and resumes from the stored cursor with no duplicate and no gap", async () => {
    const small = await startCafe24Harness({
      malls: [
        {
          mallId: "dropmall",
          seed: { until: new Date("2009-12-08T00:00:00Z"), timeShiftTo: new Date(Date.now() - DAY) },
        },
      ],
    });
    try {
      await small.install("dropmall");
      let calls = 0;
      const dropping: typeof fetch = (input, init) => {
        if (++calls === 9) return Promise.reject(new TypeError("socket hang up"));
        return fetch(input, init);
      };
      const historyStart = () => new Date(Date.now() - 30 * DAY);
      const cursors = memoryCursor();
      const seen = new Map<string, number>();
      const store = async (orders: Array<{ id: string }>) => {
        for (const o of orders) seen.set(o.id, (seen.get(o.id) ?? 0) + 1);
      };
      const first = small.module({ historyStart, fetch: dropping });
      await expect(
        backfillCafe24Orders({ platform: first.platform, mallId: "dropmall", cursors, pageSize: 50, store }),
      ).rejects.toMatchObject({ retriable: true });
      expect(seen.size).toBeGreaterThan(0);
      const second = small.module({ historyStart });
      await backfillCafe24Orders({ platform: second.platform, mallId: "dropmall", cursors, pageSize: 50, store });
      expect(seen.size).toBe(small.sim.mall("dropmall").orders.length);
      expect([...seen.values()].filter((n) => n > 1)).toEqual([]);
    } finally {
      await small.close();
    }
  }, 120_000);
});
