import { gapCdf, gapMean, type GapPredictive } from "./gap-model.js";

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
export function expectedOrders(p: GapPredictive, active: number, piNext: number, e: number, h: number): number {
  if (h <= 0 || active <= 0) return 0;
  const f0 = gapCdf(p, e);
  const survival = Math.max(1 - f0, 1e-12);
  const mean = gapMean(p, e);
  let prev = f0,
    total = 0;
  for (let j = 1; j <= BINS; j++) {
    const fj = gapCdf(p, e + (h * j) / BINS);
    const prob = (fj - prev) / survival;
    const remaining = h - (h * (j - 0.5)) / BINS;
    total += prob * (1 + followOn(remaining / mean, piNext));
    prev = fj;
  }
  return active * total;
}

/** Σ_{k=1..m} π^k for a continuous count m of mean gaps. */
function followOn(m: number, pi: number): number {
  if (m <= 0) return 0;
  if (pi >= 0.9999) return m;
  return (pi * (1 - pi ** m)) / (1 - pi);
}
