/**
 * L2-penalised logistic regression by iteratively reweighted least squares (Newton's method).
 * Features are standardised inside, so one penalty fits every feature scale; the intercept is not penalised.
 * The penalty pulls the weights toward `prior` (raw-feature coefficients, 0 where absent): a large l2 gives the
 * prior's score with only the intercept fitted.
 */
export interface LogisticModel {
  means: number[];
  sds: number[];
  /** weights[0] is the intercept, then one per standardised feature. */
  weights: number[];
}

export function fitLogistic(
  rows: number[][],
  labels: boolean[],
  l2 = 1,
  iterations = 30,
  prior: number[] = [],
): LogisticModel {
  const k = rows[0]?.length ?? 0;
  const n = rows.length;
  const means = Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / Math.max(n, 1));
  const sds = means.map((m, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - m) ** 2, 0) / Math.max(n, 1)) || 1);
  const z = rows.map((r) => [1, ...r.map((v, j) => (v - means[j]) / sds[j])]);
  const toward = [0, ...sds.map((sd, j) => (prior[j] ?? 0) * sd)];
  const w = new Array(k + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const h = Array.from({ length: k + 1 }, (_, i) =>
      Array.from({ length: k + 1 }, (_, j) => (i === j && i > 0 ? l2 : 0)),
    );
    const g = w.map((wi, i) => (i > 0 ? -l2 * (wi - toward[i]) : 0));
    for (let r = 0; r < n; r++) {
      const p = sigmoid(dot(w, z[r]));
      const v = Math.max(p * (1 - p), 1e-9);
      const y = labels[r] ? 1 : 0;
      for (let i = 0; i <= k; i++) {
        g[i] += (y - p) * z[r][i];
        for (let j = 0; j <= i; j++) h[i][j] += v * z[r][i] * z[r][j];
      }
    }
    for (let i = 0; i <= k; i++) for (let j = 0; j < i; j++) h[j][i] = h[i][j];
    const step = solve(h, g);
    let moved = 0;
    for (let i = 0; i <= k; i++) {
      w[i] += step[i];
      moved = Math.max(moved, Math.abs(step[i]));
    }
    if (moved < 1e-8) break;
  }
  return { means, sds, weights: w };
}

export function predictLogistic(m: LogisticModel, features: number[]): number {
  let s = m.weights[0];
  for (let j = 0; j < features.length; j++) s += m.weights[j + 1] * ((features[j] - m.means[j]) / m.sds[j]);
  return sigmoid(s);
}

function sigmoid(u: number): number {
  return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Solves A x = b for a small symmetric positive-definite A (Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    const d = m[c][c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / d;
      for (let j = c; j <= n; j++) m[r][j] -= f * m[c][j];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let j = r + 1; j < n; j++) s -= m[r][j] * x[j];
    x[r] = s / (m[r][r] || 1e-12);
  }
  return x;
}
