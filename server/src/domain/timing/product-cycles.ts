import type { GapPrior } from "./gap-model.js";
import {
  isNonProduct,
  NO_OVERRIDES,
  nonProductAccumulator,
  overrideFor,
  type ProductOverrides,
} from "./non-product-lines.js";
import { type PurchaseDay, unitsOf } from "./purchase-days.js";
import type { NextOrderNorm } from "./store-model.js";

/** Why a product has no replenishment cycle, for the admin. */
export type NoCycleReason = "not_a_product" | "too_few_repeats" | "rarely_rebought";

/** Per-product norms learned from the whole store. */
export interface ProductCycle {
  productId: string;
  variantId: string | null;
  title: string;
  /** Replenishment cycle in days at typicalQuantity, from repeat purchases of this product by the same customer (null if too few). */
  cycleDays: number | null;
  /** Median quantity per purchase; a purchase of 2× this lasts ~2× as long. */
  typicalQuantity: number;
  /** Same-customer repeat pairs behind cycleDays. */
  repeatPairs: number;
  /** ln(days until the buyer's next order of anything), shrunk toward the store norm. */
  nextOrderLogMean: number;
  /** Next-order gaps behind nextOrderLogMean. */
  nextOrderGaps: number;
  /**
   * Mean ln(units of the order) behind those gaps (0 with none): the pack effect they carry, taken out when the norm
   * is moved to one unit (fit-store-model.ts). Only the fit reads it; absent in cycles loaded from the database.
   */
  nextOrderLogUnits?: number;
  /** Set exactly when cycleDays is null. */
  noCycleReason: NoCycleReason | null;
}

const MIN_REPEAT_PAIRS = 3;
/** Pseudo-observations pulling a product's norm toward the store's. */
export const SHRINK_PSEUDO = 5;
/**
 * With this many buyers, a product fewer than RARE_REBUY_SHARE of them bought twice is not replenished (a frying pan,
 * a shelf): its few repeat pairs are coincidences, not a cycle.
 */
const RARE_REBUY_MIN_BUYERS = 30;
const RARE_REBUY_SHARE = 0.05;

interface Acc {
  title: string;
  variantId: string | null;
  /** quantity → purchase days bought in it (positive quantities only): the median needs no more. */
  qtyCounts: Map<number, number>;
  /** Same-customer repeat pairs (gap, previous quantity) reduced to their count and Σ(ln gap − ln quantity). */
  pairCount: number;
  pairLogSum: number;
  nextSum: number;
  nextN: number;
  /** Σ ln(units of the order) over the next-order gaps in nextSum. */
  nextUnitSum: number;
  buyers: number;
  rebuyers: number;
}

export function estimateProductCycles(
  customers: PurchaseDay[][],
  prior: GapPrior,
  overrides: ProductOverrides = NO_OVERRIDES,
): Map<string, ProductCycle> {
  const acc = productCycleAccumulator();
  for (const days of customers) acc.add(days);
  return acc.finish(prior, overrides);
}

/**
 * The same estimate fed one customer at a time (a streamed recompute): it keeps per-product sums and a quantity
 * histogram, so its memory grows with the catalogue, not with the customers or orders.
 */
export function productCycleAccumulator() {
  const acc = new Map<string, Acc>();
  const signals = nonProductAccumulator();
  const get = (id: string, d: PurchaseDay) => {
    const found = acc.get(id);
    if (found) return found;
    const a: Acc = {
      title: d.titles.get(id)?.title ?? id,
      variantId: d.titles.get(id)?.variantId ?? null,
      qtyCounts: new Map(),
      pairCount: 0,
      pairLogSum: 0,
      nextSum: 0,
      nextN: 0,
      nextUnitSum: 0,
      buyers: 0,
      rebuyers: 0,
    };
    acc.set(id, a);
    return a;
  };
  function add(days: PurchaseDay[]): void {
    signals.add(days);
    const lastSeen = new Map<string, { day: number; qty: number; rebought: boolean }>();
    days.forEach((d, i) => {
      for (const [id, qty] of d.quantities) {
        const a = get(id, d);
        if (qty > 0) a.qtyCounts.set(qty, (a.qtyCounts.get(qty) ?? 0) + 1);
        const prev = lastSeen.get(id);
        if (!prev) a.buyers += 1;
        else if (!prev.rebought) a.rebuyers += 1;
        if (prev && prev.qty > 0) {
          a.pairCount += 1;
          a.pairLogSum += Math.log(d.day - prev.day) - Math.log(prev.qty);
        }
        lastSeen.set(id, { day: d.day, qty, rebought: prev !== undefined });
        if (i + 1 < days.length) {
          a.nextSum += Math.log(days[i + 1].day - d.day);
          a.nextN += 1;
          a.nextUnitSum += Math.log(unitsOf(d));
        }
      }
    });
  }
  function finish(prior: GapPrior, overrides: ProductOverrides = NO_OVERRIDES): Map<string, ProductCycle> {
    const bySignal = signals.finish();
    const out = new Map<string, ProductCycle>();
    for (const [id, a] of acc) {
      const override = overrideFor(id, a.title, overrides);
      const nonProduct = override ? override === "non_product" : isNonProduct(bySignal.get(id) ?? []);
      out.set(id, summarise(id, a, prior, nonProduct));
    }
    return out;
  }
  return { add, finish };
}

export type ProductCycleAccumulator = ReturnType<typeof productCycleAccumulator>;

function noCycleReason(a: Acc, nonProduct: boolean): NoCycleReason | null {
  if (nonProduct) return "not_a_product";
  if (a.pairCount < MIN_REPEAT_PAIRS) return "too_few_repeats";
  if (a.buyers >= RARE_REBUY_MIN_BUYERS && a.rebuyers < RARE_REBUY_SHARE * a.buyers) return "rarely_rebought";
  return null;
}

function summarise(productId: string, a: Acc, prior: GapPrior, nonProduct: boolean): ProductCycle {
  const typicalQuantity = histogramMedian(a.qtyCounts) || 1;
  const reason = noCycleReason(a, nonProduct);
  let cycleDays: number | null = null;
  if (reason === null) {
    // mean of ln(gap) − ln(quantity / typical): the typical quantity factors out of the sum.
    cycleDays = Math.exp(a.pairLogSum / a.pairCount + Math.log(typicalQuantity));
  }
  const nextOrderLogMean = (a.nextSum + SHRINK_PSEUDO * prior.m0) / (a.nextN + SHRINK_PSEUDO);
  return {
    productId,
    variantId: a.variantId,
    title: a.title,
    cycleDays,
    typicalQuantity,
    repeatPairs: a.pairCount,
    nextOrderLogMean,
    nextOrderGaps: a.nextN,
    nextOrderLogUnits: a.nextN ? a.nextUnitSum / a.nextN : 0,
    noCycleReason: reason,
  };
}

/** The median of the values a histogram counts (the mean of the middle two for an even count). */
function histogramMedian(counts: Map<number, number>): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  if (n === 0) return 0;
  const sorted = [...counts].sort((x, y) => x[0] - y[0]);
  const at = (rank: number) => {
    let seen = 0;
    for (const [v, c] of sorted) {
      seen += c;
      if (rank < seen) return v;
    }
    return sorted[sorted.length - 1][0];
  };
  const m = n >> 1;
  return n % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
}

/**
 * Only each product's next-order norm (what productPriorMean reads), summed in the same order as
 * productCycleAccumulator, so the numbers are the same: a calibration origin's fit needs no more.
 */
export function nextOrderNorms(customers: PurchaseDay[][], prior: GapPrior): Map<string, NextOrderNorm> {
  const sums = new Map<string, { sum: number; n: number; units: number }>();
  for (const days of customers)
    for (let i = 0; i < days.length; i++) {
      const next = i + 1 < days.length ? Math.log(days[i + 1].day - days[i].day) : null;
      const logUnits = next !== null ? Math.log(unitsOf(days[i])) : 0;
      for (const id of days[i].quantities.keys()) {
        let s = sums.get(id);
        if (!s) {
          s = { sum: 0, n: 0, units: 0 };
          sums.set(id, s);
        }
        if (next !== null) {
          s.sum += next;
          s.n += 1;
          s.units += logUnits;
        }
      }
    }
  const out = new Map<string, NextOrderNorm>();
  for (const [id, s] of sums)
    out.set(id, {
      nextOrderLogMean: (s.sum + SHRINK_PSEUDO * prior.m0) / (s.n + SHRINK_PSEUDO),
      nextOrderGaps: s.n,
      nextOrderLogUnits: s.n ? s.units / s.n : 0,
    });
  return out;
}

/** Prior mean of ln(gap) for a customer: the norms of the products in their latest purchase, else the store's. */
export function productPriorMean(
  last: PurchaseDay,
  cycles: ReadonlyMap<string, NextOrderNorm>,
  prior: GapPrior,
): { m0: number; fromProducts: boolean } {
  let sum = 0,
    w = 0;
  for (const id of last.quantities.keys()) {
    const c = cycles.get(id);
    if (!c || c.nextOrderGaps === 0) continue;
    const weight = c.nextOrderGaps / (c.nextOrderGaps + SHRINK_PSEUDO);
    sum += weight * c.nextOrderLogMean;
    w += weight;
  }
  return w > 0 ? { m0: sum / w, fromProducts: true } : { m0: prior.m0, fromProducts: false };
}
