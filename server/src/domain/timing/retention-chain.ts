import { RETENTION_CLASSES } from "./retention.js";

/**
 * P(a customer with k purchase days orders again), for any k, from the store's retention by class (π_1..π_7 for
 * 1..7 days, π_8 pooled over 8 and more). Why not one π for every later order: customers differ in how likely they
 * are to stop, so those who keep buying are the stickier ones and the store's π_k rises with k. A constant π
 * (Jensen) under-counts the orders of a long horizon: −25 to −40 % on the later part of a year in the synthetic
 * weekly, young and one-timer stores. Beyond the classes the rise is extrapolated as the shifted-beta-geometric
 * dropout (BG/NBD's) implies: 1/(1 − π_k) grows linearly in k, slope 1/a, fitted to the store's own π_2..π_7.
 */
export type RetentionChain = (purchaseDays: number) => number;

const cache = new WeakMap<number[], RetentionChain>();

export function retentionChain(retention: number[]): RetentionChain {
  const known = cache.get(retention);
  if (known) return known;
  const line = dropoutLine(retention);
  const last = RETENTION_CLASSES - 1;
  const chain: RetentionChain = (k) => {
    if (k < last + 1) return retention[Math.max(k, 1) - 1];
    // At least the pooled class's own figure: that class averages customers with 8 and more purchase days.
    return Math.max(retention[last], Math.min(0.999, 1 - 1 / (line.at7 + line.slope * (k - 7))));
  };
  cache.set(retention, chain);
  return chain;
}

/**
 * Weighted least squares of y_k = 1/(1 − π_k) on k over k = 2..7. Weights (1 − π_k)² because y's noise grows as π
 * nears 1 (a class of few customers who all came back says little). The slope is kept ≥ 0 (no rise: constant π).
 */
function dropoutLine(retention: number[]): { at7: number; slope: number } {
  const ks = [2, 3, 4, 5, 6, 7].filter((k) => k - 1 < retention.length);
  const w = ks.map((k) => (1 - retention[k - 1]) ** 2);
  const y = ks.map((k) => 1 / (1 - retention[k - 1]));
  const sw = w.reduce((s, v) => s + v, 0);
  if (!(sw > 0) || ks.length < 2) return { at7: 1 / (1 - (retention[retention.length - 1] ?? 0.5)), slope: 0 };
  const mk = ks.reduce((s, k, i) => s + w[i] * k, 0) / sw;
  const my = y.reduce((s, v, i) => s + w[i] * v, 0) / sw;
  let sxy = 0,
    sxx = 0;
  ks.forEach((k, i) => {
    sxy += w[i] * (k - mk) * (y[i] - my);
    sxx += w[i] * (k - mk) ** 2;
  });
  const slope = sxx > 0 ? Math.max(0, sxy / sxx) : 0;
  return { at7: my + slope * (7 - mk), slope };
}
