// A customer's next gap moved by the units of their last order (pack-retention.ts packAwarePosterior): after a
// two-pack the next order comes about twice as late, and the customer's predicted gap says so. Checked on a generated
// store whose two-pack gaps are known to run twice as long (the generator's units × personal cycle).
import { describe, expect, it } from "vitest";
import { generateStore } from "../../../../server/src/domain/synthetic/generate-store.js";
import { regimeNamed } from "../../../../server/src/domain/synthetic/regimes.js";
import { customerTiming } from "../../../../server/src/domain/timing/customer-timing.js";
import { DAY_MS } from "../../../../server/src/domain/timing/days.js";
import { fitStoreModelFromDays } from "../../../../server/src/domain/timing/fit-store-model.js";
import { expectedOrders } from "../../../../server/src/domain/timing/expected-orders.js";
import { gapCdf } from "../../../../server/src/domain/timing/gap-model.js";
import { type PurchaseDay, unitsOf } from "../../../../server/src/domain/timing/purchase-days.js";

/** One unit or a pack of several: the two classes compared (the generator draws 1 or 2, a real store any count). */
function packClass(d: PurchaseDay): 1 | 2 {
  return unitsOf(d) > 1 ? 2 : 1;
}

function order(day: number, product: string, units: number): PurchaseDay {
  return { day, amount: 20 * units, quantities: new Map([[product, units]]), titles: new Map() };
}

/**
 * Six orders whose gaps run `cycle` × units (β = 1) with a ±10 % wobble, the last one `lastAgo` days before `now`
 * (every customer still buying: the fit's censoring has nothing to correct).
 */
function buyer(product: string, units: number[], cycle: number, now: number, lastAgo: number): PurchaseDay[] {
  const gaps = units.slice(0, -1).map((u, i) => Math.round(cycle * u * (i % 2 ? 1.1 : 0.9)));
  let day = now - lastAgo - gaps.reduce((s, g) => s + g, 0);
  return units.map((u, i) => {
    const o = order(day, product, u);
    day += gaps[i] ?? 0;
    return o;
  });
}

describe("pack-aware next gap", () => {
  // Each reorder's level in the customer's predicted gap given the silence at the cutoff (what a stated window reads):
  // past the 90th percentile after a two-pack 31 % on the plain posterior (gaps as they are; one unit: 4 %), now
  // 10 % (one unit: 6 %). Fails on the plain posterior.
  it("puts the next order after a two-pack past its predicted 90th percentile about as often as after one unit", () => {
    const regime = regimeNamed("monthly-beauty")!;
    const store = generateStore(regime, 4, 3000);
    const cutDay = store.startDay + 600;
    const histories = store.customers.map((c) => c.days.filter((d) => d.day < cutDay)).filter((d) => d.length > 1);
    const model = fitStoreModelFromDays(histories, new Date(cutDay * DAY_MS), { calibrate: false });
    expect(model.packElasticity).toBeGreaterThan(0.5);
    const late = { 1: { n: 0, after: 0 }, 2: { n: 0, after: 0 } };
    for (const c of store.customers) {
      const before = c.days.filter((d) => d.day < cutDay);
      const next = c.days.find((d) => d.day >= cutDay);
      if (before.length < 2 || !next) continue;
      const last = before[before.length - 1];
      const cls = late[packClass(last)];
      const t = customerTiming(before, model, cutDay);
      cls.n++;
      const atCut = gapCdf(t.predictive, cutDay - last.day);
      if ((gapCdf(t.predictive, next.day - last.day) - atCut) / (1 - atCut) > 0.9) cls.after++;
    }
    const share = (c: { n: number; after: number }) => c.after / c.n;
    expect(late[2].n).toBeGreaterThan(100);
    expect(share(late[2])).toBeLessThan(0.2);
    expect(Math.abs(share(late[2]) - share(late[1]))).toBeLessThan(0.08);
  });

  // A product sold only as two-packs: its norm (next-order gaps of its buyers) already holds the two-pack's longer
  // gap, and the store's norm holds the pack effect of its mean order; the last order's units were added on top
  // (issue 12 review). Per-unit cycles 20-34 days, so a new two-pack buyer's gap is about 2 × 26 days and a new
  // single's about 26. On the plain norms: the two-pack buyer read ln gap 0.69 too long (4.64 against 3.95), the
  // new buyer of an unseen product (the store's norm) 0.26 too long. Fails before.
  it("counts the pack effect once: a new buyer of a two-pack-only product is read at two units' cycle", () => {
    const now = 20_000;
    const mixes = [
      [1, 2, 1, 1, 2, 1],
      [2, 1, 1, 2, 1, 1],
      [1, 1, 2, 1, 1, 2],
    ];
    const store: PurchaseDay[][] = [];
    for (let i = 0; i < 60; i++) {
      store.push(buyer("serum", mixes[i % 3], 20 + (i % 15), now, 1 + (i % 7)));
      store.push(buyer("twin", [2, 2, 2, 2, 2, 2], 20 + (i % 15), now, 1 + (i % 7)));
    }
    const model = fitStoreModelFromDays(store, new Date(now * DAY_MS), { calibrate: false });
    expect(model.packElasticity).toBeGreaterThan(0.9);
    const cycle = Math.exp(Array.from({ length: 15 }, (_, i) => Math.log(20 + i)).reduce((s, v) => s + v) / 15);
    const locOf = (product: string, units: number) =>
      customerTiming([order(now - 1, product, units)], model, now).predictive.loc;
    expect(Math.abs(locOf("twin", 2) - Math.log(2 * cycle))).toBeLessThan(0.1);
    expect(Math.abs(locOf("serum", 1) - Math.log(cycle))).toBeLessThan(0.1);
    expect(Math.abs(locOf("unseen", 1) - Math.log(cycle))).toBeLessThan(0.1);
  });

  // The orders after the next one follow the customer's typical order, not the last one's size. monthly-beauty seed
  // 4 at day 600, customers with a cycle still buying a year on, expected orders over the year given active (π = 1)
  // against the orders they placed: after a two-pack 0.60 of them when every later gap was a two-pack's (one unit
  // 1.14), now 0.93 (one unit 1.03). Fails before (0.60 < 0.85).
  it("counts later orders at the customer's typical pack size, not the last order's", () => {
    const store = generateStore(regimeNamed("monthly-beauty")!, 4, 3000);
    const cutDay = store.startDay + 600;
    const histories = store.customers.map((c) => c.days.filter((d) => d.day < cutDay)).filter((d) => d.length > 0);
    const model = fitStoreModelFromDays(histories, new Date(cutDay * DAY_MS), { calibrate: false });
    const sums = { 1: { predicted: 0, placed: 0 }, 2: { predicted: 0, placed: 0 } };
    for (const c of store.customers) {
      const stays = c.truth.leftAfterDay === null || c.truth.leftAfterDay >= cutDay + 365;
      const before = c.days.filter((d) => d.day < cutDay);
      if (c.truth.oneTimer || !stays || before.length < 3) continue;
      const t = customerTiming(before, model, cutDay);
      const s = sums[packClass(before[before.length - 1])];
      s.predicted += expectedOrders(t.predictive, 1, 1, t.elapsedDays, 365);
      s.placed += c.days.filter((d) => d.day >= cutDay && d.day < cutDay + 365).length;
    }
    const ratio = (s: { predicted: number; placed: number }) => s.predicted / s.placed;
    expect(ratio(sums[2])).toBeGreaterThan(0.85);
    expect(Math.abs(ratio(sums[2]) - ratio(sums[1]))).toBeLessThan(0.15);
  });
});
