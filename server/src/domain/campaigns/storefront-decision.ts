/**
 * What one logged-in customer should see on the storefront, as published to the app-owned customer
 * metafield `$app:dangol.decision` (type json) and as answered by /apps/dangol/decision.
 * The theme extension renders only from this; everything in it is plain text (Liquid escapes it).
 * The contract between the campaign engine (publisher) and the theme extension / preview.
 */
export interface LocalizedText {
  en: string;
  ko: string;
}

export interface DecisionCoupon {
  code: string;
  /** ISO-8601 UTC. */
  expiresAt: string;
}

export interface BannerDecision {
  /** Campaign key, e.g. "replenishment", "first_purchase", "win_back", "vip_thanks", "coupon_expiry". */
  campaign: string;
  /** The A/B/n variant served ("a", "b", …); absent when the campaign has no variants. */
  variant?: string;
  /** The variant's image (https URL), when it has one. */
  imageUrl?: string;
  title: LocalizedText;
  body: LocalizedText;
  ctaLabel: LocalizedText;
  /** Relative storefront URL, e.g. a cart permalink "/cart/123456:1?discount=CODE". */
  ctaUrl: string;
  coupon: DecisionCoupon | null;
}

export interface NoticeDecision {
  campaign: string;
  text: LocalizedText;
  coupon: DecisionCoupon;
}

export interface StorefrontDecision {
  version: 1;
  customerId: string;
  /** Null when nothing should show (no campaign, capped, dismissed, or the customer is in the holdout). */
  banner: BannerDecision | null;
  notice: NoticeDecision | null;
  /** ISO-8601 UTC. */
  decidedAt: string;
}

export const DECISION_METAFIELD = { namespace: "$app:dangol", key: "decision", type: "json" } as const;
