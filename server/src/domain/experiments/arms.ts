import { createHash } from "node:crypto";
import { isInHoldout } from "../campaigns/holdout.js";

/** The arm of customers kept out of a campaign; every other arm is a content variant's id ("a", "b", …). */
export const HOLDOUT_ARM = "holdout";
/** The campaign's own content: the first variant, always present. */
export const BASE_VARIANT = "a";

export interface VariantWeight {
  id: string;
  /** Relative share of the treated customers (1 each = an even split). */
  weight: number;
}

function unitScore(shop: string, campaign: string, salt: string, customerId: string): number {
  const digest = createHash("sha256").update(`${shop}\u0000${campaign}\u0000${salt}\u0000${customerId}`).digest();
  // (0, 1]: never 0, so -ln(score) stays finite.
  return (digest.readUIntBE(0, 6) + 1) / 2 ** 48;
}

/**
 * The arm of one customer in one campaign, from hashes alone (the same answer in every process, nothing stored):
 * - the holdout line is the campaign's existing holdout hash (holdout.ts), which does not look at the variants,
 *   so adding, removing or re-weighting a variant never moves anyone in or out of the holdout;
 * - among treated customers, weighted rendezvous hashing (each variant scores -ln(u)/weight, lowest wins): adding
 *   variant C moves only the customers C now wins (about its share) from A and B, and nobody between A and B;
 *   removing one moves only its own customers. Results count each customer in the first arm recorded for them
 *   (intent to treat), so customers moved by a mid-test change stay in their first arm's figures.
 * - once a winner is chosen, every treated customer gets it; the holdout stays (see README: incremental revenue
 *   keeps being measured against it).
 */
export function assignArm(
  shop: string,
  campaign: string,
  customerId: string,
  holdoutShare: number,
  variants: readonly VariantWeight[],
  winner: string | null = null,
): string {
  if (isInHoldout(shop, campaign, customerId, holdoutShare)) return HOLDOUT_ARM;
  const live = variants.filter((v) => v.weight > 0);
  if (winner && live.some((v) => v.id === winner)) return winner;
  let best = BASE_VARIANT;
  let bestKey = Number.POSITIVE_INFINITY;
  for (const v of live) {
    const key = -Math.log(unitScore(shop, campaign, `variant:${v.id}`, customerId)) / v.weight;
    if (key < bestKey) {
      bestKey = key;
      best = v.id;
    }
  }
  return best;
}
