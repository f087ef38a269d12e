import { gapCdf, gapMean, type GapPredictive } from "./gap-model.js";
import type { RetentionChain } from "./retention-chain.js";

/**
 * Whether a customer keeps ordering after the next order: one π for every follow-on order, or the store's
 * retention chain from the customer's purchase-day count (π rises with the orders a customer has survived).
 */
export type Continuation = number | { chain: RetentionChain; purchaseDays: number };

const BINS = 6;

/** P(an order within the next h days), given silence for e days and P(active). */
export function probOrderWithin(p: GapPredictive, active: number, e: number, h: number): number {
  const f0 = gapCdf(p, e);
  const survival = Math.max(1 - f0, 1e-12);
  return (active * (gapCdf(p, e + h) - f0)) / survival;
}

/**
 * Expected orders in the next h days: the first one from the conditional gap distribution (binned), then
 * follow-on orders every mean gap, each continuing with probability piNext.
 */
export function expectedOrders(p: GapPredictive, active: number, piNext: Continuation, e: number, h: number): number {
  if (h <= 0 || active <= 0) return 0;
  const f0 = gapCdf(p, e);
  const survival = Math.max(1 - f0, 1e-12);
  const mean = gapMean(p, e);
  let prev = f0,
    prevEdge = 0,
    total = 0;
  for (let j = 1; j <= BINS; j++) {
    // Bins narrow at the start, where a due customer's next order is most likely: with even bins a weekly buyer's
    // first order (day 7) was placed mid-bin (day 30 of 365), dropping three follow-on orders.
    const edge = h * (j / BINS) ** 2;
    const fj = gapCdf(p, e + edge);
    const prob = (fj - prev) / survival;
    const remaining = h - (prevEdge + edge) / 2;
    total += prob * (1 + followOn(remaining / mean, piNext));
    prev = fj;
    prevEdge = edge;
  }
  return active * total;
}

/** Σ_{k=1..m} Π_{j=1..k} π_(n+j) for a continuous count m of mean gaps (π^k summed when π is one number). */
function followOn(m: number, next: Continuation): number {
  if (m <= 0) return 0;
  if (typeof next === "number") {
    if (next >= 0.9999) return m;
    return (next * (1 - next ** m)) / (1 - next);
  }
  let survive = 1,
    total = 0;
  const whole = Math.min(Math.floor(m), MAX_FOLLOW_ON);
  for (let k = 1; k <= whole && survive > 1e-9; k++) {
    survive *= next.chain(next.purchaseDays + k);
    total += survive;
  }
  // The fractional last gap counts its share of the next order.
  if (whole < MAX_FOLLOW_ON) total += (m - whole) * survive * next.chain(next.purchaseDays + whole + 1);
  return total;
}

/** Follow-on orders counted one by one up to this many (a daily buyer over two years); beyond, none are added. */
const MAX_FOLLOW_ON = 1000;
