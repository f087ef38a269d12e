import type { GapPrior } from "./gap-model.js";

/** Used when a store has too few repeat gaps to learn from: a monthly rhythm, held loosely. */
export const DEFAULT_GAP_PRIOR: GapPrior = { m0: Math.log(30), kappa0: 1, a0: 3, b0: 2 * 0.6 };

const MIN_GAPS = 20;

/**
 * Empirical-Bayes prior from all customers' ln(gaps), by the method of moments:
 * within-customer variance gives E[σ²]; the spread of customer means beyond that gives κ0.
 */
export function estimateGapPrior(perCustomer: number[][], a0 = 3): GapPrior {
  const withGaps = perCustomer.filter((g) => g.length > 0);
  const total = withGaps.reduce((s, g) => s + g.length, 0);
  if (total < MIN_GAPS) return DEFAULT_GAP_PRIOR;
  const means = withGaps.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
  const m0 = means.reduce((s, v) => s + v, 0) / means.length;
  let within = 0,
    dof = 0;
  withGaps.forEach((g, i) => {
    for (const v of g) within += (v - means[i]) ** 2;
    dof += g.length - 1;
  });
  const sw2 = dof > 0 ? Math.max(within / dof, 0.05) : DEFAULT_GAP_PRIOR.b0 / (DEFAULT_GAP_PRIOR.a0 - 1);
  const varMeans = means.reduce((s, v) => s + (v - m0) ** 2, 0) / Math.max(means.length - 1, 1);
  const meanInvN = withGaps.reduce((s, g) => s + 1 / g.length, 0) / withGaps.length;
  const tau2 = Math.max(varMeans - sw2 * meanInvN, sw2 / 20);
  return { m0, kappa0: Math.min(sw2 / tau2, 20), a0, b0: sw2 * (a0 - 1) };
}
