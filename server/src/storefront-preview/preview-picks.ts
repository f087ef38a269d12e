import type { LocalizedText } from "../domain/campaigns/storefront-decision.js";
import type { PreviewCandidate } from "../db/repositories/preview.repository.js";
import type { PreviewPick } from "./storefront-page.js";

const CAMPAIGN_LABELS: Record<string, LocalizedText> = {
  replenishment: { en: "due to re-order", ko: "재구매 시기" },
  coupon_expiry: { en: "coupon expiring", ko: "쿠폰 만료 임박" },
  first_purchase: { en: "first-purchase follow-up", ko: "첫 구매 후속" },
  win_back: { en: "win-back", ko: "재방문 유도" },
  vip_thanks: { en: "VIP thank-you", ko: "VIP 감사" },
};
const HOLDOUT_LABEL: LocalizedText = { en: "holdout: sees nothing", ko: "홀드아웃: 노출 없음" };

/** The picker shows one customer per preset (the first not already listed), then this many holdouts. */
export const PICKS_PER_PRESET = 1;
export const HOLDOUT_PICKS = 2;
/** Candidates fetched per preset, so a customer listed for another preset does not leave this one empty. */
export const CANDIDATES_PER_PRESET = 4;

/** Repository candidates for one picker group: a preset's customers, or (campaign null) holdout customers. */
export interface PickGroup {
  campaign: string | null;
  candidates: PreviewCandidate[];
  take: number;
}

/** Turns candidate groups into picker entries in the groups' order; each customer once. */
export function toPreviewPicks(groups: PickGroup[]): PreviewPick[] {
  const seen = new Set<string>();
  const picks: PreviewPick[] = [];
  for (const group of groups) {
    const label = group.campaign
      ? (CAMPAIGN_LABELS[group.campaign] ?? { en: group.campaign, ko: group.campaign })
      : HOLDOUT_LABEL;
    for (const c of group.candidates.filter((x) => !seen.has(x.customerId)).slice(0, group.take)) {
      seen.add(c.customerId);
      const name = [c.firstName, c.lastName].filter(Boolean).join(" ") || c.customerId;
      picks.push({ id: c.customerId, name, label });
    }
  }
  return picks;
}
