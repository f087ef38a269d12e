import { normalPdf, normalSurvival } from "./normal.js";
import { studentTCdf, studentTQuantile } from "./student-t.js";

/**
 * Log-normal gap model with a conjugate Normal-Inverse-Gamma prior on (μ, σ²) of ln(gap in days).
 * The prior is the store/product norm (empirical Bayes); each observed gap moves the customer toward their own rhythm.
 */
export interface GapPrior {
  /** Prior mean of ln(gap). */
  m0: number;
  /** Prior weight of m0, in pseudo-gaps. */
  kappa0: number;
  /** Inverse-gamma shape and scale for σ². */
  a0: number;
  b0: number;
}

/** Posterior predictive of the next ln(gap): Student-t(nu) with location and scale. */
export interface GapPredictive {
  nu: number;
  loc: number;
  scale: number;
  /** Posterior mean of σ² (for the mean gap). */
  sigma2: number;
  /** Number of the customer's own gaps behind it. */
  gaps: number;
  /** Posterior weight of the mean (κ0 + gaps): Var(μ) = sigma2 / kappa. */
  kappa: number;
  /**
   * ln-shift from this gap to the gaps after it (pack-retention.ts packAwarePosterior: the next gap follows the last
   * order's units, later ones the customer's typical order). Absent: 0, every gap alike.
   */
  followShift?: number;
}

export function gapPosterior(prior: GapPrior, logGaps: number[]): GapPredictive {
  const n = logGaps.length;
  const mean = n ? logGaps.reduce((s, v) => s + v, 0) / n : 0;
  const ss = logGaps.reduce((s, v) => s + (v - mean) ** 2, 0);
  const kn = prior.kappa0 + n;
  const mn = (prior.kappa0 * prior.m0 + n * mean) / kn;
  const an = prior.a0 + n / 2;
  const bn = prior.b0 + ss / 2 + (prior.kappa0 * n * (mean - prior.m0) ** 2) / (2 * kn);
  return {
    nu: 2 * an,
    loc: mn,
    scale: Math.sqrt((bn * (kn + 1)) / (an * kn)),
    sigma2: bn / Math.max(an - 1, 0.5),
    gaps: n,
    kappa: kn,
  };
}

/** q-quantile of the next gap, in days. */
export function gapQuantile(p: GapPredictive, q: number): number {
  return Math.exp(p.loc + p.scale * studentTQuantile(q, p.nu));
}

/** P(next gap ≤ days). */
export function gapCdf(p: GapPredictive, days: number): number {
  if (days <= 0) return 0;
  return studentTCdf((Math.log(days) - p.loc) / p.scale, p.nu);
}

/** Most likely gap in days: the mode of the log-t density mapped to days. */
export function gapMode(p: GapPredictive): number {
  const { nu, scale: s } = p;
  const disc = (nu + 1) ** 2 - 4 * nu * s * s;
  const d = disc >= 0 ? (-(nu + 1) + Math.sqrt(disc)) / 2 : -s * s;
  return Math.exp(p.loc + d);
}

/**
 * Mean gap in days for follow-on orders, given the customer is still buying after `elapsedDays` of silence.
 * The silence is evidence of a slower rhythm: μ's posterior moves up by Var(μ)/sd · E[z | z > a] (the same
 * update the store-level EM makes), which matters most for one-order customers whose rhythm is barely known.
 */
export function gapMean(p: GapPredictive, elapsedDays = 0): number {
  const v = p.sigma2 / p.kappa;
  const sd = Math.sqrt(v + p.sigma2);
  let mu = p.loc;
  if (elapsedDays > 0) {
    const a = (Math.log(elapsedDays) - p.loc) / sd;
    const s = normalSurvival(a);
    mu += (v / sd) * (s > 1e-300 ? normalPdf(a) / s : a);
  }
  return Math.exp(mu + p.sigma2 / 2);
}
