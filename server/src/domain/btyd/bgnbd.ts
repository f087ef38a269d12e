import { hyp2f1, lnGamma, logAddExp } from "./special.js";
import type { RfmSummary } from "./summary.js";

/** BG/NBD parameters (FHL05): purchase rate λ ~ Gamma(r, α); dropout p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** ln L of one customer (FHL05 eq. 6, in the overflow-safe form of Hardie note 027). */
export function bgnbdLogLikelihood(p: BgNbdParams, s: RfmSummary): number {
  const { r, alpha, a, b } = p;
  const { x, tx, T } = s;
  const lnA1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
  const lnA2 = lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return lnA1 + lnA2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return lnA1 + lnA2 + logAddExp(a3, a4);
}

/** Σ weight × ln L over customers. */
export function bgnbdTotalLogLikelihood(p: BgNbdParams, rows: RfmSummary[]): number {
  let ll = 0;
  for (const s of rows) ll += (s.weight ?? 1) * bgnbdLogLikelihood(p, s);
  return ll;
}

/** P(alive at T | x, t_x, T) (Hardie note 021); 1 for x = 0 by construction. */
export function bgnbdPAlive(p: BgNbdParams, s: RfmSummary): number {
  if (s.x === 0) return 1;
  const u =
    Math.log(p.a) - Math.log(p.b + s.x - 1) + (p.r + s.x) * (Math.log(p.alpha + s.T) - Math.log(p.alpha + s.tx));
  return u > 700 ? 0 : 1 / (1 + Math.exp(u));
}

/**
 * E[Y(t) | x, t_x, T] (FHL05 eq. 10). The 2F1 goes through Euler's transform, which turns
 * ((α+T)/(α+T+t))^(r+x)·2F1(r+x, b+x; a+b+x−1; z) into (1−z)^(a−1)·2F1(a+b−1−r, a−1; a+b+x−1; z):
 * a short series with no overflow however large x is.
 */
export function bgnbdConditionalExpected(p: BgNbdParams, s: RfmSummary, t: number): number {
  if (t <= 0) return 0;
  const a = Math.abs(p.a - 1) < 1e-9 ? 1 + 1e-9 : p.a;
  const c = a + p.b + s.x - 1;
  const z = t / (p.alpha + s.T + t);
  const tail = (1 - z) ** (a - 1) * hyp2f1(c - p.r - s.x, a - 1, c, z);
  return (c / (a - 1)) * (1 - tail) * bgnbdPAlive(p, s);
}

/** E[X(t)] for a new customer (FHL05 eq. 9). */
export function bgnbdExpected(p: BgNbdParams, t: number): number {
  return bgnbdConditionalExpected(p, { x: 0, tx: 0, T: 0 }, t);
}

/** P(at least one purchase in (T, T+t]) = P(alive)·[1 − ((α+T)/(α+T+t))^(r+x)] (model-reference §4.1). */
export function bgnbdProbPurchaseWithin(p: BgNbdParams, s: RfmSummary, t: number): number {
  return bgnbdPAlive(p, s) * (1 - ((p.alpha + s.T) / (p.alpha + s.T + t)) ** (p.r + s.x));
}

/** Quantile of the time to the next purchase given alive: Lomax(r+x, α+T). */
export function bgnbdNextPurchaseQuantile(p: BgNbdParams, s: RfmSummary, q: number): number {
  return (p.alpha + s.T) * ((1 - q) ** (-1 / (p.r + s.x)) - 1);
}

/** P(X(t) = n) for a new customer (FHL05 eq. 8). */
export function bgnbdProbN(p: BgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = p;
  const lnBeta = (u: number, v: number) => lnGamma(u) + lnGamma(v) - lnGamma(u + v);
  const lnP0 = Math.log(alpha / (alpha + t));
  const lnP1 = Math.log(t / (alpha + t));
  const lnNb = (j: number) => lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + r * lnP0 + j * lnP1;
  const first = Math.exp(lnBeta(a, b + n) - lnBeta(a, b) + lnNb(n));
  if (n === 0) return first;
  let cum = 0;
  for (let j = 0; j < n; j++) cum += Math.exp(lnNb(j));
  return first + Math.exp(lnBeta(a + 1, b + n - 1) - lnBeta(a, b)) * (1 - cum);
}
