import { auc } from "../timing/auc.js";
import { normalSurvival } from "../timing/normal.js";
import type { PurchaseDay } from "../timing/purchase-days.js";
import { intensity, type SyntheticStore } from "./generate-store.js";

/**
 * The 90-day AUC of an oracle that knows what the generator knows (whether each customer is still buying, their
 * personal cycle, the units of their last order and the season), ranking by its exact P(an order in
 * [cut, cut + 90 d) | no order since the last one). It bounds what any model can reach on this store: when it is
 * barely above sorting by recency, no model can beat recency by a real margin there.
 */
export function oracleAuc90(store: SyntheticStore, cutDay: number): number {
  const { regime, startDay } = store;
  return auc90By(store, cutDay, (c, before) => {
    const { leftAfterDay, oneTimer, cycleDays, productId } = c.truth;
    const last = before[before.length - 1];
    const alive = !oneTimer && (leftAfterDay === null || leftAfterDay >= cutDay);
    if (!alive) return 0;
    // Operational days (the generator's seasonal clock) from the last order to the cutoff and to the horizon end.
    const from = last.day - startDay;
    const silent = operational(regime, from, cutDay - 1 - startDay);
    const through = operational(regime, from, cutDay + 89 - startDay);
    const median = Math.log((last.quantities.get(productId) ?? 1) * cycleDays);
    const survival = (g: number) => (g <= 0 ? 1 : normalSurvival((Math.log(g) - median) / regime.gapNoise));
    const s0 = survival(silent);
    return s0 > 0 ? (s0 - survival(through)) / s0 : 1;
  });
}

/**
 * The 90-day AUC of `score` over the customers with an order before the cutoff (given those orders), against
 * whether they ordered in [cut, cut + 90 d).
 */
export function auc90By(
  store: SyntheticStore,
  cutDay: number,
  score: (customer: SyntheticStore["customers"][number], before: PurchaseDay[]) => number,
): number {
  const scores: number[] = [],
    labels: boolean[] = [];
  for (const c of store.customers) {
    const before = c.days.filter((d) => d.day < cutDay);
    if (before.length === 0) continue;
    labels.push(c.days.some((d) => d.day >= cutDay && d.day < cutDay + 90));
    scores.push(score(c, before));
  }
  return auc(scores, labels);
}

/** Σ intensity over days (from, to], as the generator's calendarGap counts them. */
export function operational(regime: SyntheticStore["regime"], from: number, to: number): number {
  if (regime.season.amplitude === 0) return to - from;
  let acc = 0;
  for (let d = from + 1; d <= to; d++) acc += intensity(regime, d);
  return acc;
}
