// What a storefront shows when it cannot prove who the shopper is (Cafe24's Front SDK member id is unsigned):
// the same banner for every shopper of the shop, built only from the shop's campaign settings. It carries no
// code, no name, no order fact, and does not depend on the member id, so asking with any id (or none) reveals
// nothing about that member. Members are pointed at Cafe24's coupon box, where Cafe24 itself checks who they are.
import type { CampaignConfig } from "./campaign.js";
import { CAFE24_COUPON_PAGE } from "./cta.js";
import { PRESET_DEFINITIONS } from "./presets.js";
import { scheduleMiss } from "./schedule.js";
import type { BannerDecision } from "./storefront-decision.js";

/** Cafe24's login page: a guest is asked to log in to see member benefits. */
export const CAFE24_LOGIN_PAGE = "/member/login.html";

/** The answer to an unverified storefront request: version, and a banner or null. Nothing per shopper. */
export interface PublicDecision {
  version: 1;
  banner: BannerDecision | null;
}

const MEMBER_BANNER: Omit<BannerDecision, "campaign"> = {
  title: { ko: "회원님을 위한 쿠폰이 있는지 확인해 보세요", en: "See if a coupon is waiting for you" },
  body: {
    ko: "쿠폰함에서 지금 사용할 수 있는 쿠폰을 확인할 수 있어요.",
    en: "Your coupon box lists the coupons you can use now.",
  },
  ctaLabel: { ko: "쿠폰함 보기", en: "Open my coupons" },
  ctaUrl: CAFE24_COUPON_PAGE,
  coupon: null,
};

const GUEST_BANNER: Omit<BannerDecision, "campaign"> = {
  title: { ko: "회원 전용 혜택이 준비되어 있어요", en: "Member benefits are waiting" },
  body: {
    ko: "로그인하면 쿠폰함에서 회원 혜택을 확인할 수 있어요.",
    en: "Log in to see your benefits in your coupon box.",
  },
  ctaLabel: { ko: "로그인", en: "Log in" },
  ctaUrl: CAFE24_LOGIN_PAGE,
  coupon: null,
};

/**
 * Shown only while the shop runs a coupon-issuing banner campaign (a shop-level fact, the same for everyone):
 * otherwise there is nothing worth pointing at. `member` says only whether the page reported a logged-in member.
 */
export function publicDecision(campaigns: CampaignConfig[], member: boolean, now: Date): PublicDecision {
  const live = campaigns
    .filter((c) => c.enabled && PRESET_DEFINITIONS[c.key].issuesCoupon && !scheduleMiss(c.settings, now))
    .sort((a, b) => b.priority - a.priority)[0];
  if (!live) return { version: 1, banner: null };
  return { version: 1, banner: { campaign: live.key, ...(member ? MEMBER_BANNER : GUEST_BANNER) } };
}
