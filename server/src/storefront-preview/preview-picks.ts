import type { LocalizedText, StorefrontDecision } from "../domain/campaigns/storefront-decision.js";
import type { PreviewCandidate, PreviewCandidateKind } from "../db/repositories/preview.repository.js";
import type { PreviewPick } from "./storefront-page.js";

const CAMPAIGN_LABELS: Record<string, LocalizedText> = {
  replenishment: { en: "due to re-order", ko: "재구매 시기" },
  coupon_expiry: { en: "coupon expiring", ko: "쿠폰 만료 임박" },
  first_purchase: { en: "first-purchase follow-up", ko: "첫 구매 후속" },
  win_back: { en: "win-back", ko: "재방문 유도" },
  vip_thanks: { en: "VIP thank-you", ko: "VIP 감사" },
};
const HOLDOUT_LABEL: LocalizedText = { en: "holdout: sees nothing", ko: "홀드아웃: 노출 없음" };

/** How many of each kind the picker offers. */
export const PICKS_PER_KIND: Record<PreviewCandidateKind, number> = { banner: 3, notice: 2, holdout: 2 };

/** Turns repository candidates into picker entries: banner customers, coupon holders, then holdouts; each once. */
export function toPreviewPicks(byKind: Record<PreviewCandidateKind, PreviewCandidate[]>): PreviewPick[] {
  const seen = new Set<string>();
  const picks: PreviewPick[] = [];
  for (const kind of ["banner", "notice", "holdout"] as const) {
    for (const c of byKind[kind]) {
      if (seen.has(c.customerId)) continue;
      seen.add(c.customerId);
      const decision = JSON.parse(c.decision) as StorefrontDecision;
      const campaign = kind === "banner" ? decision.banner?.campaign : kind === "notice" ? decision.notice?.campaign : undefined;
      const label = campaign ? (CAMPAIGN_LABELS[campaign] ?? { en: campaign, ko: campaign }) : HOLDOUT_LABEL;
      const name = [c.firstName, c.lastName].filter(Boolean).join(" ") || c.customerId;
      picks.push({ id: c.customerId, name, label });
    }
  }
  return picks;
}
