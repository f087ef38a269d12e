/**
 * π_k = P(a customer with k purchase days ever orders again), learned per store by EM.
 * Customers whose next order has happened count as returns; the others are censored: they may still
 * return, with probability π·S(e) / (π·S(e) + 1 − π), where S(e) is their own rhythm's chance of silence this long.
 */
export interface RetentionObservation {
  /** Purchase days so far. */
  purchases: number;
  /** P(gap > days since last purchase | the customer's rhythm). */
  survival: number;
}

export const RETENTION_CLASSES = 8;
const PSEUDO = 5;

export function retentionClass(purchases: number): number {
  return Math.min(Math.max(purchases, 1), RETENTION_CLASSES) - 1;
}

export function fitRetention(obs: RetentionObservation[]): number[] {
  const returned = new Float64Array(RETENTION_CLASSES);
  const censored: number[][] = Array.from({ length: RETENTION_CLASSES }, () => []);
  for (const o of obs) {
    for (let k = 1; k < o.purchases; k++) returned[retentionClass(k)] += 1;
    censored[retentionClass(o.purchases)].push(o.survival);
  }
  const pooled = emRetention(returned.reduce((s, v) => s + v, 0), censored.flat(), 0.5, 0);
  return censored.map((c, i) => emRetention(returned[i], c, pooled, PSEUDO));
}

function emRetention(returned: number, survivals: number[], prior: number, pseudo: number): number {
  const n = returned + survivals.length + pseudo;
  if (n === 0) return prior;
  let pi = prior;
  for (let it = 0; it < 200; it++) {
    let w = 0;
    for (const s of survivals) w += (pi * s) / (pi * s + 1 - pi);
    const next = Math.min(0.999, Math.max(0.001, (returned + w + pseudo * prior) / n));
    if (Math.abs(next - pi) < 1e-9) return next;
    pi = next;
  }
  return pi;
}

/** P(still buying | silent for a time with survival S) for a customer with this many purchases. */
export function pActive(retention: number[], purchases: number, survival: number): number {
  const pi = retention[retentionClass(purchases)];
  return (pi * survival) / (pi * survival + 1 - pi);
}
