import { lnGamma } from "../btyd/special.js";
import { normalSurvival } from "../timing/normal.js";
import type { PurchaseDay } from "../timing/purchase-days.js";
import type { SyntheticStore } from "./generate-store.js";
import { auc90By, operational } from "./oracle.js";
import type { Regime } from "./regimes.js";

/** Nodes of the grid over the posterior of ln(personal cycle), in posterior sds (±5). */
const NODES = Array.from({ length: 81 }, (_, i) => -5 + i / 8);
const NODE_WEIGHTS = normalised(NODES.map((z) => Math.exp(-0.5 * z * z)));

/**
 * The 90-day AUC of the Bayes-optimal score given only what a model can see (each customer's orders before the
 * cutoff) and the generator's true parameters: P(an order in [cut, cut + 90 d) | observed orders). Unlike
 * oracleAuc90 it does not know who is a one-timer or who has left, so it bounds what any model seeing only the
 * orders can reach: where it barely beats recency, the data does not allow a real margin over recency.
 */
export function observableOracleAuc90(store: SyntheticStore, cutDay: number): number {
  return auc90By(store, cutDay, (_c, before) => posteriorOrderWithin90(store, before, cutDay));
}

/**
 * The generator's process (generate-store.ts): one-timers leave after the first order; the others always make a
 * second one, then leave after each later order with p ~ Beta(a, b); gaps are lognormal around units × cycle in
 * operational time, ln cycle ~ N(ln product cycle, spread²). The gaps seen so far give a normal posterior of
 * ln cycle (conjugate), the dropout draws survived integrate in closed form, and the silence since the last order
 * weighs "left" against "next gap not over yet".
 */
export function posteriorOrderWithin90(store: SyntheticStore, before: PurchaseDay[], cutDay: number): number {
  const { regime, startDay } = store;
  const n = before.length;
  const last = before[n - 1];
  const productId = [...last.quantities.keys()][0];
  const product = regime.products.find((p) => p.id === productId) ?? regime.products[0];
  const post = lnCyclePosterior(regime, before, Math.log(product.cycleDays), startDay);
  const lnUnits = Math.log(last.quantities.get(productId) ?? 1);
  const from = last.day - startDay;
  const silent = operational(regime, from, cutDay - 1 - startDay);
  const through = operational(regime, from, cutDay + 89 - startDay);
  const survival = (g: number, lnMedian: number) =>
    g <= 0 ? 1 : normalSurvival((Math.log(g) - lnMedian) / regime.gapNoise);
  let notYet = 0,
    within = 0;
  NODES.forEach((z, i) => {
    const lnMedian = lnUnits + post.mean + post.sd * z;
    const s0 = survival(silent, lnMedian);
    notYet += NODE_WEIGHTS[i] * s0;
    within += NODE_WEIGHTS[i] * (s0 - survival(through, lnMedian));
  });
  const { a, b } = regime.dropout;
  // Weights of "still buying" and "left after the last order" (E over p of the dropout draws' likelihood).
  const stay = n === 1 ? 1 - regime.oneTimeShare : betaRatio(a, b + n - 1, a, b);
  const left = n === 1 ? regime.oneTimeShare : betaRatio(a + 1, b + n - 2, a, b);
  return (stay * within) / (left + stay * notYet);
}

/** Normal posterior of ln(personal cycle) from the operational gaps seen (each ln gap = ln units + ln cycle + noise). */
function lnCyclePosterior(regime: Regime, days: PurchaseDay[], priorMean: number, startDay: number) {
  let precision = 1 / regime.cycleSpread ** 2,
    weighted = priorMean * precision;
  for (let i = 1; i < days.length; i++) {
    const gap = operational(regime, days[i - 1].day - startDay, days[i].day - startDay);
    const units = [...days[i - 1].quantities.values()][0] ?? 1;
    const noisePrecision = 1 / regime.gapNoise ** 2;
    precision += noisePrecision;
    weighted += (Math.log(Math.max(gap, 1)) - Math.log(units)) * noisePrecision;
  }
  return { mean: weighted / precision, sd: Math.sqrt(1 / precision) };
}

/** B(a1, b1) / B(a0, b0). */
function betaRatio(a1: number, b1: number, a0: number, b0: number): number {
  const lnB = (x: number, y: number) => lnGamma(x) + lnGamma(y) - lnGamma(x + y);
  return Math.exp(lnB(a1, b1) - lnB(a0, b0));
}

function normalised(w: number[]): number[] {
  const total = w.reduce((s, v) => s + v, 0);
  return w.map((v) => v / total);
}
