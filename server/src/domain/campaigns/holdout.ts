import { createHash } from "node:crypto";

/**
 * A stable number in [0, 1) for (shop, campaign, customer): the same customer always lands on the same side
 * of the holdout line, across processes and restarts, without storing the assignment.
 */
export function holdoutScore(shop: string, campaign: string, customerId: string): number {
  const digest = createHash("sha256").update(`${shop}\u0000${campaign}\u0000${customerId}`).digest();
  // 48 bits are plenty and stay exact in a double.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export function isInHoldout(shop: string, campaign: string, customerId: string, holdoutShare: number): boolean {
  return holdoutScore(shop, campaign, customerId) < holdoutShare;
}
