import type { GapPrior } from "./gap-model.js";
import {
  isNonProduct,
  NO_OVERRIDES,
  nonProductSignals,
  overrideFor,
  type ProductOverrides,
} from "./non-product-lines.js";
import type { PurchaseDay } from "./purchase-days.js";

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
  /** Set exactly when cycleDays is null. */
  noCycleReason: NoCycleReason | null;
}

const MIN_REPEAT_PAIRS = 3;
/** Pseudo-observations pulling a product's norm toward the store's. */
const SHRINK_PSEUDO = 5;
/**
 * With this many buyers, a product fewer than RARE_REBUY_SHARE of them bought twice is not replenished (a frying pan,
 * a shelf): its few repeat pairs are coincidences, not a cycle.
 */
const RARE_REBUY_MIN_BUYERS = 30;
const RARE_REBUY_SHARE = 0.05;

interface Acc {
  title: string;
  variantId: string | null;
  qtys: number[];
  pairs: Array<[number, number]>;
  nextSum: number;
  nextN: number;
  buyers: number;
  rebuyers: number;
}

export function estimateProductCycles(
  customers: PurchaseDay[][],
  prior: GapPrior,
  overrides: ProductOverrides = NO_OVERRIDES,
): Map<string, ProductCycle> {
  const acc = new Map<string, Acc>();
  const get = (id: string, d: PurchaseDay) => {
    const found = acc.get(id);
    if (found) return found;
    const a: Acc = {
      title: d.titles.get(id)?.title ?? id,
      variantId: d.titles.get(id)?.variantId ?? null,
      qtys: [],
      pairs: [],
      nextSum: 0,
      nextN: 0,
      buyers: 0,
      rebuyers: 0,
    };
    acc.set(id, a);
    return a;
  };
  for (const days of customers) {
    const lastSeen = new Map<string, { day: number; qty: number; rebought: boolean }>();
    days.forEach((d, i) => {
      for (const [id, qty] of d.quantities) {
        const a = get(id, d);
        a.qtys.push(qty);
        const prev = lastSeen.get(id);
        if (!prev) a.buyers += 1;
        else if (!prev.rebought) a.rebuyers += 1;
        if (prev && prev.qty > 0) a.pairs.push([d.day - prev.day, prev.qty]);
        lastSeen.set(id, { day: d.day, qty, rebought: prev !== undefined });
        if (i + 1 < days.length) {
          a.nextSum += Math.log(days[i + 1].day - d.day);
          a.nextN += 1;
        }
      }
    });
  }
  const signals = nonProductSignals(customers);
  const out = new Map<string, ProductCycle>();
  for (const [id, a] of acc) {
    const override = overrideFor(id, a.title, overrides);
    const nonProduct = override ? override === "non_product" : isNonProduct(signals.get(id) ?? []);
    out.set(id, summarise(id, a, prior, nonProduct));
  }
  return out;
}

function noCycleReason(a: Acc, nonProduct: boolean): NoCycleReason | null {
  if (nonProduct) return "not_a_product";
  if (a.pairs.length < MIN_REPEAT_PAIRS) return "too_few_repeats";
  if (a.buyers >= RARE_REBUY_MIN_BUYERS && a.rebuyers < RARE_REBUY_SHARE * a.buyers) return "rarely_rebought";
  return null;
}

function summarise(productId: string, a: Acc, prior: GapPrior, nonProduct: boolean): ProductCycle {
  const typicalQuantity = median(a.qtys.filter((q) => q > 0)) || 1;
  const reason = noCycleReason(a, nonProduct);
  let cycleDays: number | null = null;
  if (reason === null) {
    const adj = a.pairs.map(([g, q]) => Math.log(g) - Math.log(q / typicalQuantity));
    cycleDays = Math.exp(adj.reduce((s, v) => s + v, 0) / adj.length);
  }
  const nextOrderLogMean = (a.nextSum + SHRINK_PSEUDO * prior.m0) / (a.nextN + SHRINK_PSEUDO);
  return {
    productId,
    variantId: a.variantId,
    title: a.title,
    cycleDays,
    typicalQuantity,
    repeatPairs: a.pairs.length,
    nextOrderLogMean,
    nextOrderGaps: a.nextN,
    noCycleReason: reason,
  };
}

function median(v: number[]): number {
  if (v.length === 0) return 0;
  const s = [...v].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Prior mean of ln(gap) for a customer: the norms of the products in their latest purchase, else the store's. */
export function productPriorMean(
  last: PurchaseDay,
  cycles: ReadonlyMap<string, ProductCycle>,
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
