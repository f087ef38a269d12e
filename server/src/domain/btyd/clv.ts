import { bgnbdConditionalExpected, type BgNbdParams } from "./bgnbd.js";
import type { RfmSummary } from "./summary.js";

export interface ClvOptions {
  /** Length of one discounting period in model time units (e.g. 30.4375 days for a month). */
  periodLength: number;
  /** Number of periods to sum. */
  periods: number;
  /** Discount rate per period. */
  discountRate: number;
}

/** CLV = Σ_k E(M) · (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1+d)^k (model-reference §4.3). */
export function customerLifetimeValue(p: BgNbdParams, s: RfmSummary, expectedSpend: number, o: ClvOptions): number {
  let total = 0;
  let prev = 0;
  for (let k = 1; k <= o.periods; k++) {
    const cum = bgnbdConditionalExpected(p, s, k * o.periodLength);
    total += (expectedSpend * (cum - prev)) / (1 + o.discountRate) ** k;
    prev = cum;
  }
  return total;
}
