import type { CampaignKey, CampaignSettings } from "./campaign.js";

/**
 * The settings each preset's rules read (eligibility.ts, decide.ts): the editor shows these and nothing else, and
 * an edit of a setting the preset never reads is refused rather than stored as a knob that does nothing.
 * Every campaign also has a schedule (startsOn/endsOn), read by decide.ts.
 */
export const SETTING_KNOBS = {
  replenishment: ["leadDays", "maxOverdueDays"],
  // The notice bar has no link (NoticeDecision has no URL), so its ctaPath would change nothing a shopper sees.
  coupon_expiry: ["withinDays"],
  first_purchase: ["percentOff", "couponValidDays", "minDaysAfterFirstOrder", "maxDaysAfterFirstOrder", "ctaPath"],
  win_back: ["percentOff", "couponValidDays", "graceDays", "ctaPath"],
  vip_thanks: ["ctaPath"],
} as const satisfies Record<CampaignKey, readonly (keyof CampaignSettings)[]>;

export const SCHEDULE_KNOBS = ["startsOn", "endsOn"] as const satisfies readonly (keyof CampaignSettings)[];

export type SettingKnob = (typeof SETTING_KNOBS)[CampaignKey][number] | (typeof SCHEDULE_KNOBS)[number];

export function knobsOf(key: CampaignKey): readonly SettingKnob[] {
  return [...SETTING_KNOBS[key], ...SCHEDULE_KNOBS];
}
