/** What every model fit reports besides its parameters, so callers never use a boundary solution silently. */
export interface FitDiagnostics {
  /** Log-likelihood at the returned parameters, in the caller's time unit. */
  ll: number;
  converged: boolean;
  /** True when a parameter ran into its bound or the likelihood is not finite: treat the fit as unusable. */
  degenerate: boolean;
  /** Human-readable causes, e.g. "b at upper bound (no dropout)". */
  warnings: string[];
  iterations: number;
}

/** Log-parameter box shared by the fits (BTYD caps parameters at 1e4; we allow a little more room). */
export const LOG_LOWER = Math.log(1e-6);
export const LOG_UPPER = Math.log(1e5);

export function clampLog(v: number): number {
  return Math.min(LOG_UPPER, Math.max(LOG_LOWER, v));
}

/** Past these (in the optimiser's scaled units) a parameter is running off to 0 or ∞: a boundary solution. */
const RUNAWAY_UPPER = Math.log(1e4);
const RUNAWAY_LOWER = Math.log(1e-4);

/** Names the parameters that ran toward a bound of the log box. */
export function boundWarnings(names: string[], logValues: number[]): string[] {
  const out: string[] = [];
  logValues.forEach((v, i) => {
    if (v >= RUNAWAY_UPPER) out.push(`${names[i]} → ∞ (${Math.exp(v).toPrecision(3)} in scaled units)`);
    else if (v <= RUNAWAY_LOWER) out.push(`${names[i]} → 0 (${Math.exp(v).toPrecision(3)} in scaled units)`);
  });
  return out;
}
