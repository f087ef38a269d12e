import { ValidationError } from "../shared/errors.js";
import { boundWarnings, clampLog, LOG_LOWER, LOG_UPPER, type FitDiagnostics } from "./fit-diagnostics.js";
import { minimize } from "./nelder-mead.js";
import { lnGamma } from "./special.js";

/** Gamma-Gamma spend parameters (FHL05b / Hardie note 025); lifetimes calls gamma "v". */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** A repeat buyer: x repeat transactions with mean value zbar (first purchase excluded). */
export interface SpendSummary {
  x: number;
  zbar: number;
}

export interface GammaGammaFit extends FitDiagnostics {
  params: GammaGammaParams;
  /** corr(x, z̄): the model assumes spend is independent of frequency; large values deserve a warning. */
  corrFrequencySpend: number;
}

export function gammaGammaLogLikelihood(pr: GammaGammaParams, rows: SpendSummary[]): number {
  const { p, q, gamma } = pr;
  let ll = 0;
  for (const { x, zbar } of rows) {
    const px = p * x;
    ll +=
      lnGamma(px + q) -
      lnGamma(px) -
      lnGamma(q) +
      q * Math.log(gamma) +
      (px - 1) * Math.log(zbar) +
      px * Math.log(x) -
      (px + q) * Math.log(gamma + x * zbar);
  }
  return ll;
}

export function fitGammaGamma(rows: SpendSummary[]): GammaGammaFit {
  validateSpend(rows);
  const scale = rows.reduce((s, r) => s + r.zbar, 0) / rows.length;
  const negLl = scaledNegLogLikelihood(rows.map((r) => ({ x: r.x, zbar: r.zbar / scale })));
  const f = (v: number[]) => negLl(v.map(clampLog));
  const res = minimize(f, [0, 0, 0], {
    step: 0.5,
    fTolerance: 1e-12,
    xTolerance: 1e-7,
    restarts: 2,
    bounds: [LOG_LOWER, LOG_UPPER],
  });
  const v = res.x.map(clampLog);
  const params = { p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) * scale };
  const ll = gammaGammaLogLikelihood(params, rows);
  const warnings = boundWarnings(["p", "q", "gamma"], v);
  if (params.q <= 1) warnings.push("q ≤ 1: population mean spend is undefined");
  if (!Number.isFinite(ll)) warnings.push("log-likelihood is not finite");
  const corr = correlation(
    rows.map((r) => r.x),
    rows.map((r) => r.zbar),
  );
  const degenerate = warnings.length > 0;
  if (!res.converged) warnings.push("optimiser did not converge");
  return {
    params,
    ll,
    converged: res.converged,
    degenerate,
    warnings,
    iterations: res.iterations,
    corrFrequencySpend: corr,
  };
}

/** −LL of log-parameters with the lnΓ terms computed once per distinct x (one log per row per evaluation). */
function scaledNegLogLikelihood(rows: SpendSummary[]): (v: number[]) => number {
  const xs = [...new Set(rows.map((r) => r.x))];
  const xIdx = Int32Array.from(rows, (r) => xs.indexOf(r.x));
  const lnZ = Float64Array.from(rows, (r) => Math.log(r.zbar));
  const lnX = Float64Array.from(rows, (r) => Math.log(r.x));
  const perX = new Float64Array(xs.length);
  return (v) => {
    const p = Math.exp(v[0]),
      q = Math.exp(v[1]),
      g = Math.exp(v[2]);
    for (let k = 0; k < xs.length; k++) perX[k] = lnGamma(p * xs[k] + q) - lnGamma(p * xs[k]);
    let ll = rows.length * (q * v[2] - lnGamma(q));
    for (let i = 0; i < rows.length; i++) {
      const px = p * rows[i].x;
      ll += perX[xIdx[i]] + (px - 1) * lnZ[i] + px * lnX[i] - (px + q) * Math.log(g + rows[i].x * rows[i].zbar);
    }
    return -ll;
  };
}

/** E(M | x, z̄) = p(γ + x z̄)/(px + q − 1); customers with x = 0 get the population mean pγ/(q−1). */
export function gammaGammaExpectedSpend(pr: GammaGammaParams, x: number, zbar: number): number {
  if (x === 0) return (pr.p * pr.gamma) / (pr.q - 1);
  return (pr.p * (pr.gamma + x * zbar)) / (pr.p * x + pr.q - 1);
}

function validateSpend(rows: SpendSummary[]): void {
  if (rows.length === 0) throw new ValidationError("No repeat buyers to fit the spend model on");
  rows.forEach((r, i) => {
    if (!(Number.isInteger(r.x) && r.x > 0 && Number.isFinite(r.zbar) && r.zbar > 0))
      throw new ValidationError(
        `Invalid spend row ${i + 1}: x=${r.x}, zbar=${r.zbar} (need x ≥ 1 and a positive amount)`,
        { row: i + 1 },
      );
  });
}

function correlation(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}
