/**
 * π_k = P(a customer with k purchase days ever orders again), learned per store in censored-gaps.ts.
 * A silent customer is still buying with probability π·S(e) / (π·S(e) + 1 − π), where S(e) is their own
 * rhythm's chance of a silence this long.
 */
export const RETENTION_CLASSES = 8;

export function retentionClass(purchases: number): number {
  return Math.min(Math.max(purchases, 1), RETENTION_CLASSES) - 1;
}

/** P(still buying | silent for a time with survival S) for a customer whose π (retention-chain.ts) is `pi`. */
export function pActive(pi: number, survival: number): number {
  return (pi * survival) / (pi * survival + 1 - pi);
}
