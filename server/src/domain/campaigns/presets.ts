import type { CampaignConfig, CampaignKey, Slot } from "./campaign.js";

/** Fixed facts about each preset that merchants don't edit. */
export interface PresetDefinition {
  key: CampaignKey;
  slot: Slot;
  /** Issues a per-customer, time-boxed code through CommercePlatform when it is chosen. */
  issuesCoupon: boolean;
  /** Tokens the content may use (documented in the admin editor). */
  tokens: string[];
}

export const PRESET_DEFINITIONS: Record<CampaignKey, PresetDefinition> = {
  replenishment: {
    key: "replenishment",
    slot: "banner",
    issuesCoupon: false,
    tokens: ["first_name", "product", "days_left"],
  },
  coupon_expiry: {
    key: "coupon_expiry",
    slot: "notice",
    issuesCoupon: false,
    tokens: ["first_name", "code", "days_left", "percent"],
  },
  first_purchase: {
    key: "first_purchase",
    slot: "banner",
    issuesCoupon: true,
    tokens: ["first_name", "code", "percent", "days_left"],
  },
  win_back: {
    key: "win_back",
    slot: "banner",
    issuesCoupon: true,
    tokens: ["first_name", "code", "percent", "days_left"],
  },
  vip_thanks: { key: "vip_thanks", slot: "banner", issuesCoupon: false, tokens: ["first_name"] },
};

const DEFAULT_CAP = { maxImpressions: 10, perDays: 7 };
const DEFAULT_HOLDOUT = 0.1;
const ANY = { lifecycles: [], purchaseStates: [], rfmGroups: [] };

/** The five presets as a new shop gets them: all off, 10 % holdout, English and Korean text. */
export function defaultCampaigns(): CampaignConfig[] {
  return [
    {
      key: "replenishment",
      enabled: false,
      priority: 80,
      holdoutShare: DEFAULT_HOLDOUT,
      cap: { ...DEFAULT_CAP },
      segment: { ...ANY, lifecycles: ["first", "repeat"] },
      content: {
        title: { en: "Time to restock {product}?", ko: "{product} 다시 채울 때가 됐어요" },
        body: {
          en: "Hi {first_name}, based on your usual rhythm you'll run out of {product} soon.",
          ko: "{first_name}님, 평소 주기로 보면 곧 {product}이(가) 떨어질 때예요.",
        },
        cta: { en: "Re-order in one click", ko: "한 번에 다시 주문하기" },
      },
      settings: { leadDays: 3, maxOverdueDays: 30 },
    },
    {
      key: "coupon_expiry",
      enabled: false,
      priority: 100,
      holdoutShare: DEFAULT_HOLDOUT,
      cap: { ...DEFAULT_CAP },
      segment: { ...ANY },
      content: {
        title: { en: "Your code is expiring", ko: "쿠폰이 곧 만료돼요" },
        body: {
          en: "{first_name}, your {percent}% code {code} expires in {days_left} days.",
          ko: "{first_name}님, {percent}% 할인 쿠폰 {code}이(가) {days_left}일 후 만료돼요.",
        },
        cta: { en: "Use it now", ko: "지금 사용하기" },
      },
      settings: { withinDays: 7 },
    },
    {
      key: "first_purchase",
      enabled: false,
      priority: 70,
      holdoutShare: DEFAULT_HOLDOUT,
      cap: { ...DEFAULT_CAP },
      segment: { ...ANY, lifecycles: ["first"] },
      content: {
        title: { en: "Thanks for your first order, {first_name}!", ko: "{first_name}님, 첫 주문 감사합니다!" },
        body: {
          en: "Here is {percent}% off your second order with code {code}, valid for {days_left} days.",
          ko: "두 번째 주문에 쓸 수 있는 {percent}% 할인 쿠폰 {code}을(를) 드려요. {days_left}일 동안 사용할 수 있어요.",
        },
        cta: { en: "Shop again", ko: "다시 쇼핑하기" },
      },
      settings: { minDaysAfterFirstOrder: 0, maxDaysAfterFirstOrder: 3, percentOff: 0.1, couponValidDays: 14 },
    },
    {
      key: "win_back",
      enabled: false,
      priority: 90,
      holdoutShare: DEFAULT_HOLDOUT,
      cap: { ...DEFAULT_CAP },
      segment: { ...ANY, lifecycles: ["first", "repeat"] },
      content: {
        title: { en: "We miss you, {first_name}", ko: "{first_name}님, 보고 싶었어요" },
        body: {
          en: "It's been a while. Take {percent}% off with your personal code {code} — it's yours for {days_left} days.",
          ko: "오랜만이에요. 회원님만을 위한 {percent}% 할인 쿠폰 {code}을(를) {days_left}일 동안 사용할 수 있어요.",
        },
        cta: { en: "Come back and save", ko: "할인받고 쇼핑하기" },
      },
      settings: { graceDays: 0, percentOff: 0.15, couponValidDays: 14 },
    },
    {
      key: "vip_thanks",
      enabled: false,
      priority: 50,
      holdoutShare: DEFAULT_HOLDOUT,
      cap: { ...DEFAULT_CAP },
      segment: { ...ANY, rfmGroups: ["Champions"] },
      content: {
        title: { en: "Thank you, {first_name}", ko: "{first_name}님, 감사합니다" },
        body: {
          en: "You're one of our most loyal customers. We're grateful to have you.",
          ko: "회원님은 저희의 가장 소중한 단골이에요. 늘 함께해 주셔서 감사합니다.",
        },
        cta: { en: "See what's new", ko: "신상품 보기" },
      },
      settings: {},
    },
  ];
}

export function defaultCampaign(key: CampaignKey): CampaignConfig {
  return defaultCampaigns().find((c) => c.key === key)!;
}
