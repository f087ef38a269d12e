import { bgnbdTotalLogLikelihood, type BgNbdParams } from "./bgnbd.js";
import { boundWarnings, clampLog, LOG_LOWER, LOG_UPPER, type FitDiagnostics } from "./fit-diagnostics.js";
import { minimize } from "./nelder-mead.js";
import { lnGamma } from "./special.js";
import { compressSummaries, validateSummaries, type RfmSummary } from "./summary.js";

export interface BgNbdFit extends FitDiagnostics {
  params: BgNbdParams;
}

const NAMES = ["r", "alpha", "a", "b"];

/**
 * Maximum-likelihood BG/NBD fit. Times are divided by max T while optimising (as lifetimes does) and
 * parameters live in a bounded log box; the reported LL is in the caller's units.
 */
export function fitBgnbd(rows: RfmSummary[], start?: BgNbdParams): BgNbdFit {
  validateSummaries(rows);
  const scale = rows.reduce((m, s) => Math.max(m, s.T), 0) || 1;
  const scaled = compressSummaries(rows.map((s) => ({ ...s, tx: s.tx / scale, T: s.T / scale })));
  const negLl = scaledNegLogLikelihood(scaled);
  const x0 = start ? [start.r, start.alpha / scale, start.a, start.b].map(Math.log) : [0, 0, 0, 0];
  const res = minimize((v) => negLl(v.map(clampLog)), x0, {
    step: 0.5,
    fTolerance: 1e-12,
    xTolerance: 1e-7,
    restarts: 2,
    bounds: [LOG_LOWER, LOG_UPPER],
  });
  const v = res.x.map(clampLog);
  const params = { r: Math.exp(v[0]), alpha: Math.exp(v[1]) * scale, a: Math.exp(v[2]), b: Math.exp(v[3]) };
  const ll = bgnbdTotalLogLikelihood(params, rows);
  const warnings = boundWarnings(NAMES, v);
  // a ≪ 1 puts the dropout Beta's mass at p ≈ 0: the data show no dropout and a, b drift along a flat ridge.
  if (params.a < 1e-3 && !warnings.some((w) => w.startsWith("a ")))
    warnings.push(`a → 0 (${params.a.toPrecision(3)}): dropout not identified`);
  if (!Number.isFinite(ll)) warnings.push("log-likelihood is not finite");
  if (!res.converged) warnings.push("optimiser did not converge");
  return {
    params,
    ll,
    converged: res.converged,
    degenerate: warnings.length > 0 && !onlyNonConvergence(warnings),
    warnings,
    iterations: res.iterations,
  };
}

function onlyNonConvergence(w: string[]): boolean {
  return w.length === 1 && w[0] === "optimiser did not converge";
}

/**
 * Negative LL as a function of log-parameters. lnΓ terms are computed once per distinct x and the logs
 * once per distinct T and t_x, so the per-row work is one exp and one log1p (this is what keeps a CDNOW fit fast).
 */
function scaledNegLogLikelihood(rows: RfmSummary[]): (v: number[]) => number {
  const xs = distinct(rows.map((s) => s.x));
  const Ts = distinct(rows.map((s) => s.T));
  const txs = distinct(rows.map((s) => s.tx));
  const n = rows.length;
  const xi = Int32Array.from(rows, (s) => xs.index.get(s.x)!);
  const Ti = Int32Array.from(rows, (s) => Ts.index.get(s.T)!);
  const ti = Int32Array.from(rows, (s) => txs.index.get(s.tx)!);
  const w = Float64Array.from(rows, (s) => s.weight ?? 1);
  const lnT = new Float64Array(Ts.values.length);
  const lnTx = new Float64Array(txs.values.length);
  const perX = new Float64Array(xs.values.length);
  const lnBx = new Float64Array(xs.values.length);
  return (v) => {
    const r = Math.exp(v[0]),
      alpha = Math.exp(v[1]),
      a = Math.exp(v[2]),
      b = Math.exp(v[3]);
    const base = -lnGamma(r) + r * v[1] + lnGamma(a + b) - lnGamma(b);
    for (let k = 0; k < xs.values.length; k++) {
      const x = xs.values[k];
      perX[k] = lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
      lnBx[k] = x > 0 ? Math.log(b + x - 1) : 0;
    }
    for (let k = 0; k < lnT.length; k++) lnT[k] = Math.log(alpha + Ts.values[k]);
    for (let k = 0; k < lnTx.length; k++) lnTx[k] = Math.log(alpha + txs.values[k]);
    let ll = 0;
    for (let i = 0; i < n; i++) {
      const x = rows[i].x;
      const a3 = -(r + x) * lnT[Ti[i]];
      let term = a3;
      if (x > 0) {
        const a4 = v[2] - lnBx[xi[i]] - (r + x) * lnTx[ti[i]];
        term = a3 > a4 ? a3 + Math.log1p(Math.exp(a4 - a3)) : a4 + Math.log1p(Math.exp(a3 - a4));
      }
      ll += w[i] * (base + perX[xi[i]] + term);
    }
    return -ll;
  };
}

function distinct(values: number[]): { values: number[]; index: Map<number, number> } {
  const uniq = [...new Set(values)];
  return { values: uniq, index: new Map(uniq.map((v, i) => [v, i])) };
}

export function toSummaryParamsJson(fit: BgNbdFit): { r: number; alpha: number; a: number; b: number; ll: number } {
  return { ...fit.params, ll: fit.ll };
}
