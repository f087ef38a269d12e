/** Student-t CDF and cached quantiles, via the regularised incomplete beta function. */
import { lnGamma } from "../btyd/special.js";

/** I_x(a, b) by the Lentz continued fraction (Numerical Recipes §6.4). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = lnBeta(a, b);
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaCf(x, a, b)) / a;
  return 1 - (Math.exp(b * Math.log1p(-x) + a * Math.log(x) - lnFront) * betaCf(1 - x, b, a)) / b;
}

function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

function betaCf(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    for (const num of [
      (m * (b - m) * x) / ((a + m2 - 1) * (a + m2)),
      (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1)),
    ]) {
      d = 1 + num * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + num / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-14) break;
  }
  return h;
}

/** P(T ≤ t) for Student-t with nu degrees of freedom. */
export function studentTCdf(t: number, nu: number): number {
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * incompleteBeta(nu / (nu + t * t), nu / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

const quantileCache = new Map<string, number>();

/** Inverse CDF by bisection; memoised because nu takes few distinct values in practice. */
export function studentTQuantile(q: number, nu: number): number {
  const key = `${nu}|${q}`;
  const hit = quantileCache.get(key);
  if (hit !== undefined) return hit;
  let lo = -1e3,
    hi = 1e3;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, nu) < q) lo = mid;
    else hi = mid;
  }
  const v = (lo + hi) / 2;
  if (quantileCache.size < 10_000) quantileCache.set(key, v);
  return v;
}
