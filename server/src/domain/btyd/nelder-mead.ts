/** A small Nelder-Mead minimiser (adaptive coefficients, Gao & Han 2012) with restarts from the best vertex. */
export interface MinimizeOptions {
  /** Initial step per coordinate. */
  step?: number;
  maxIterations?: number;
  /** Stop when the spread of function values and the simplex size both fall below these. */
  fTolerance?: number;
  xTolerance?: number;
  /** Number of fresh restarts from the best point (guards against a collapsed simplex). */
  restarts?: number;
  /** Box for every coordinate; points are projected onto it, so a runaway parameter stops at the wall. */
  bounds?: [number, number];
}

export interface MinimizeResult {
  x: number[];
  fx: number;
  iterations: number;
  converged: boolean;
}

export function minimize(f: (x: number[]) => number, x0: number[], options: MinimizeOptions = {}): MinimizeResult {
  const restarts = options.restarts ?? 2;
  let best = runSimplex(f, x0, options);
  let iterations = best.iterations;
  for (let i = 0; i < restarts; i++) {
    const next = runSimplex(f, best.x, { ...options, step: (options.step ?? 0.5) / 10 });
    iterations += next.iterations;
    const improved = best.fx - next.fx;
    best = next.fx <= best.fx ? next : best;
    if (improved < (options.fTolerance ?? 1e-10)) break;
  }
  return { ...best, iterations };
}

function runSimplex(f: (x: number[]) => number, x0: number[], o: MinimizeOptions): MinimizeResult {
  const n = x0.length;
  const step = o.step ?? 0.5;
  const maxIterations = o.maxIterations ?? 5000;
  const fTol = o.fTolerance ?? 1e-10;
  const xTol = o.xTolerance ?? 1e-9;
  const [alpha, gamma, rho, sigma] = [1, 1 + 2 / n, 0.75 - 1 / (2 * n), 1 - 1 / n];
  const [lo, hi] = o.bounds ?? [-Infinity, Infinity];
  const safe = (x: number[]) => {
    for (let k = 0; k < x.length; k++) x[k] = Math.min(hi, Math.max(lo, x[k]));
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const pts: number[][] = [x0.map((v) => Math.min(hi, Math.max(lo, v)))];
  for (let i = 0; i < n; i++) {
    const p = pts[0].slice();
    p[i] += p[i] + step > hi ? -step : step;
    pts.push(p);
  }
  const vals = pts.map(safe);
  let it = 0;
  let checkpoint = Infinity;
  for (; it < maxIterations; it++) {
    // A flat ridge (parameters running off together) improves forever by crumbs: call it a stall.
    if (it % 200 === 0) {
      const best = Math.min(...vals);
      if (checkpoint - best < fTol * (1 + Math.abs(best))) break;
      checkpoint = best;
    }
    const order = vals.map((_, i) => i).sort((i, j) => vals[i] - vals[j]);
    const sp = order.map((i) => pts[i]);
    const sv = order.map((i) => vals[i]);
    for (let i = 0; i <= n; i++) [pts[i], vals[i]] = [sp[i], sv[i]];
    if (converged(pts, vals, fTol, xTol)) return { x: pts[0], fx: vals[0], iterations: it, converged: true };
    const centroid = new Array(n).fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) centroid[k] += pts[i][k] / n;
    const along = (t: number) => centroid.map((c, k) => c + t * (pts[n][k] - c));
    const xr = along(-alpha);
    const fr = safe(xr);
    if (fr < vals[0]) {
      const xe = along(-alpha * gamma);
      const fe = safe(xe);
      [pts[n], vals[n]] = fe < fr ? [xe, fe] : [xr, fr];
    } else if (fr < vals[n - 1]) {
      [pts[n], vals[n]] = [xr, fr];
    } else {
      const xc = fr < vals[n] ? along(-alpha * rho) : along(rho);
      const fc = safe(xc);
      if (fc < Math.min(fr, vals[n])) [pts[n], vals[n]] = [xc, fc];
      else shrink(pts, vals, sigma, safe);
    }
  }
  const b = vals.indexOf(Math.min(...vals));
  return { x: pts[b], fx: vals[b], iterations: it, converged: false };
}

function converged(pts: number[][], vals: number[], fTol: number, xTol: number): boolean {
  const n = pts.length - 1;
  if (Math.abs(vals[n] - vals[0]) > fTol * (1 + Math.abs(vals[0]))) return false;
  for (let i = 1; i <= n; i++) for (let k = 0; k < n; k++) if (Math.abs(pts[i][k] - pts[0][k]) > xTol) return false;
  return true;
}

function shrink(pts: number[][], vals: number[], sigma: number, f: (x: number[]) => number): void {
  for (let i = 1; i < pts.length; i++) {
    pts[i] = pts[i].map((v, k) => pts[0][k] + sigma * (v - pts[0][k]));
    vals[i] = f(pts[i]);
  }
}
