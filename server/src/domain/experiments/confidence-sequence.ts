/**
 * Always-valid confidence sequences for a difference in means, from the mixture sequential probability ratio test
 * (mSPRT) with a normal mixture: Johari, Koomen, Pekelis & Walsh, "Peeking at A/B tests" (KDD 2017) and
 * "Always valid inference" (Operations Research 2022); the same normal-mixture boundary is Howard, Ramdas,
 * McAuliffe & Sekhon, "Time-uniform, nonparametric, nonasymptotic confidence sequences" (Ann. Stat. 2021), used
 * here in its asymptotic (CLT) form with estimated variances.
 *
 * With V the variance of the estimated difference and τ² the mixing variance, the mixture likelihood ratio for a
 * true difference θ stays below 1/α at every sample size with probability ≥ 1 − α, which gives
 *   |estimate − θ| ≤ sqrt( V (V + τ²) / τ² · ln((V + τ²) / (V α²)) )
 * at all times at once: the merchant may look every day and stop whenever the interval excludes 0, and the chance
 * of ever being wrong stays ≤ α (a fixed-horizon interval checked daily would be wrong far more often).
 */

export interface MeanStats {
  n: number;
  sum: number;
  sumSquares: number;
}

export interface SequenceInterval {
  estimate: number;
  low: number;
  high: number;
}

/** τ² in units of the per-customer variance: the boundary is tightest near this many customers per arm. */
export const MIXTURE_TUNING_CUSTOMERS = 500;

export function sampleVariance(s: MeanStats): number {
  if (s.n < 2) return 0;
  return Math.max(0, (s.sumSquares - (s.sum * s.sum) / s.n) / (s.n - 1));
}

export function mixtureHalfWidth(variance: number, tau2: number, alpha: number): number {
  if (!(variance > 0) || !(tau2 > 0)) return Number.POSITIVE_INFINITY;
  return Math.sqrt(((variance * (variance + tau2)) / tau2) * Math.log((variance + tau2) / (variance * alpha * alpha)));
}

/**
 * Always-valid interval for mean(treatment) − mean(control). `perCustomerVariance` overrides the sample
 * variances (conversion uses a smoothed p(1 − p) so an arm with no converters yet still has width).
 */
export function differenceSequence(
  treatment: MeanStats,
  control: MeanStats,
  alpha: number,
  perCustomerVariance?: (s: MeanStats) => number,
): SequenceInterval {
  const variance = perCustomerVariance ?? sampleVariance;
  const estimate = treatment.sum / treatment.n - control.sum / control.n;
  const vt = variance(treatment);
  const vc = variance(control);
  const V = vt / treatment.n + vc / control.n;
  const pooled = (vt * treatment.n + vc * control.n) / (treatment.n + control.n);
  const half = mixtureHalfWidth(V, pooled / MIXTURE_TUNING_CUSTOMERS, alpha);
  return { estimate, low: estimate - half, high: estimate + half };
}

/** Bernoulli variance with one success and one failure added (Agresti-Coull style), never 0. */
export function smoothedBernoulliVariance(s: MeanStats): number {
  const p = (s.sum + 1) / (s.n + 2);
  return p * (1 - p);
}
