import type { CampaignConfig, CampaignKey, Slot } from "./campaign.js";
import type { DecisionInput } from "./decision-input.js";
import type { BannerDecision, NoticeDecision, StorefrontDecision } from "./storefront-decision.js";
import { PRESET_DEFINITIONS } from "./presets.js";
import { eligibility, occasionCoupon, type Eligible } from "./eligibility.js";
import { budgetExhausted, suppression, targetingMiss } from "./guards.js";
import { assignArm, HOLDOUT_ARM } from "../experiments/arms.js";
import { variantWeights } from "../experiments/variant.js";
import { scheduleMiss } from "./schedule.js";
import { daysLeft, renderLocalized, type TokenValues } from "./render.js";

export type Outcome =
  | "shown"
  | "holdout"
  | "awaiting_coupon"
  | "outranked"
  | "disabled"
  | "off_schedule"
  | "not_targeted"
  | "not_eligible"
  | "dismissed"
  | "converted"
  | "capped";

/** Why each campaign did or did not show: recorded with the published decision. */
export interface Verdict {
  campaign: CampaignKey;
  slot: Slot;
  outcome: Outcome;
  detail: string;
}

/** A coupon-issuing campaign won its slot but has no code for this occasion yet: issue one, then decide again. */
export interface CouponNeed {
  campaign: CampaignKey;
  occasion: string;
  percentOff: number;
  validDays: number;
}

/** The campaign that won a slot, on either side of the holdout line (the basis for lift). */
export interface Assignment {
  campaign: CampaignKey;
  holdout: boolean;
  /** The arm (domain/experiments/arms.ts): "holdout", or the content variant served ("a", "b", …). */
  arm?: string;
}

export interface DecisionResult {
  decision: StorefrontDecision;
  verdicts: Verdict[];
  couponNeeds: CouponNeed[];
  assignments: Assignment[];
}

interface Winner {
  campaign: CampaignConfig;
  /** The variant's content and image (variant "a" is the campaign's own content). */
  variant: { id: string; content: CampaignConfig["content"]; imageUrl: string | null };
  found: Eligible;
  code: string | null;
  percent: number | null;
  expiresAt: Date | null;
}

/** Picks at most one banner and one notice for one customer. Pure: same input, same answer. */
export function decide(input: DecisionInput): DecisionResult {
  const verdicts: Verdict[] = [];
  const couponNeeds: CouponNeed[] = [];
  const assignments: Assignment[] = [];
  const winners: Partial<Record<Slot, Winner>> = {};

  const ordered = [...input.campaigns].sort((a, b) => b.priority - a.priority || a.key.localeCompare(b.key));
  for (const c of ordered) {
    const slot = PRESET_DEFINITIONS[c.key].slot;
    const verdict = (outcome: Outcome, detail: string) => verdicts.push({ campaign: c.key, slot, outcome, detail });
    if (!c.enabled) {
      verdict("disabled", "campaign is off");
      continue;
    }
    const offSchedule = scheduleMiss(c.settings, input.now);
    if (offSchedule) {
      verdict("off_schedule", offSchedule);
      continue;
    }
    // Every slot winner (shown, holdout or awaiting its code) is in `assignments`.
    if (assignments.some((a) => PRESET_DEFINITIONS[a.campaign].slot === slot)) {
      verdict("outranked", "a higher-priority campaign took the slot");
      continue;
    }
    const miss = targetingMiss(c.segment, input.prediction);
    if (miss) {
      verdict("not_targeted", miss);
      continue;
    }
    const found = eligibility(c, input);
    if (!found.eligible) {
      verdict("not_eligible", found.detail);
      continue;
    }
    const suppressed = suppression(c.key, input.events, found.occasion);
    if (suppressed) {
      verdict(suppressed, `${suppressed} after ${found.occasion.toISOString()}`);
      continue;
    }
    if (budgetExhausted(c, input.events, input.now)) {
      verdict("capped", `${c.cap.maxImpressions} impressions in ${c.cap.perDays} days reached`);
      continue;
    }
    const arm = assignArm(
      input.shop,
      c.key,
      input.customer.id,
      c.holdoutShare,
      variantWeights(c.experiment),
      c.experiment?.winner ?? null,
    );
    if (arm === HOLDOUT_ARM) {
      assignments.push({ campaign: c.key, holdout: true, arm });
      verdict("holdout", `kept out (${Math.round(c.holdoutShare * 100)}% holdout) to measure lift`);
      continue;
    }
    const winner = withCoupon(c, found, input, variantOf(c, arm));
    if (winner === "needs_coupon") {
      couponNeeds.push({
        campaign: c.key,
        occasion: found.occasion.toISOString(),
        percentOff: c.settings.percentOff ?? 0.1,
        validDays: c.settings.couponValidDays ?? 14,
      });
      verdict("awaiting_coupon", "a personal code is being issued");
      assignments.push({ campaign: c.key, holdout: false, arm });
      continue;
    }
    if (winner === "coupon_spent") {
      verdict("not_eligible", "this occasion's code was already used or expired");
      continue;
    }
    winners[slot] = winner;
    assignments.push({ campaign: c.key, holdout: false, arm });
    verdict("shown", slot === "banner" ? "shown as the banner" : "shown as the notice");
  }

  return {
    decision: {
      version: 1,
      customerId: input.customer.id,
      banner: winners.banner ? banner(winners.banner, input) : null,
      notice: winners.notice ? notice(winners.notice, input) : null,
      decidedAt: input.now.toISOString(),
    },
    verdicts,
    couponNeeds,
    assignments,
  };
}

function variantOf(c: CampaignConfig, arm: string): Winner["variant"] {
  const v = c.experiment?.variants.find((x) => x.id === arm);
  return v ? { id: v.id, content: v.content, imageUrl: v.imageUrl } : { id: arm, content: c.content, imageUrl: null };
}

function withCoupon(
  c: CampaignConfig,
  found: Eligible,
  input: DecisionInput,
  variant: Winner["variant"],
): Winner | "needs_coupon" | "coupon_spent" {
  if (!PRESET_DEFINITIONS[c.key].issuesCoupon) {
    const code = found.coupon?.code ?? null;
    return {
      campaign: c,
      variant,
      found,
      code,
      percent: found.tokens.percent ?? null,
      expiresAt: found.coupon ? new Date(found.coupon.expiresAt) : null,
    };
  }
  const coupon = occasionCoupon(input.coupons, c.key, found.occasion);
  if (!coupon) return "needs_coupon";
  if (coupon.usedAt || coupon.expiresAt.getTime() <= input.now.getTime()) return "coupon_spent";
  return {
    campaign: c,
    variant,
    found,
    code: coupon.code,
    percent: coupon.percentOff * 100,
    expiresAt: coupon.expiresAt,
  };
}

function tokens(w: Winner, input: DecisionInput): TokenValues {
  return {
    first_name: input.customer.firstName,
    code: w.code,
    percent: w.percent,
    days_left: w.expiresAt ? daysLeft(w.expiresAt, input.now) : null,
    ...w.found.tokens,
  };
}

function banner(w: Winner, input: DecisionInput): BannerDecision {
  const values = tokens(w, input);
  const content = w.variant.content;
  return {
    campaign: w.campaign.key,
    ...(w.campaign.experiment?.variants.length ? { variant: w.variant.id } : {}),
    ...(w.variant.imageUrl ? { imageUrl: w.variant.imageUrl } : {}),
    title: renderLocalized(content.title, values),
    body: renderLocalized(content.body, values),
    ctaLabel: renderLocalized(content.cta, values),
    ctaUrl: w.found.ctaUrl(w.code),
    coupon: w.code && w.expiresAt ? { code: w.code, expiresAt: w.expiresAt.toISOString() } : null,
  };
}

function notice(w: Winner, input: DecisionInput): NoticeDecision {
  return {
    campaign: w.campaign.key,
    text: renderLocalized(w.variant.content.body, tokens(w, input)),
    coupon: { code: w.code!, expiresAt: w.expiresAt!.toISOString() },
  };
}
