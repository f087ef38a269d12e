import type { CampaignConfig, CampaignKey } from "./campaign.js";
import type { CustomerCoupon, DecisionInput } from "./decision-input.js";
import type { DecisionCoupon } from "./storefront-decision.js";
import type { TokenValues } from "./render.js";
import { cartPermalink, discountLink } from "./cta.js";
import { daysLeft } from "./render.js";

const DAY = 86_400_000;
const EPOCH = new Date(0);

/** What an eligible campaign would show, before holdout, caps and coupons are applied. */
export interface Eligible {
  eligible: true;
  /** Start of the occasion: dismissals/conversions after it suppress the campaign; one coupon per occasion. */
  occasion: Date;
  tokens: TokenValues;
  /** Builds the link once the coupon (if any) is known. */
  ctaUrl: (code: string | null) => string;
  coupon: DecisionCoupon | null;
}

export interface NotEligible {
  eligible: false;
  detail: string;
}

export type Eligibility = Eligible | NotEligible;

const no = (detail: string): NotEligible => ({ eligible: false, detail });

function ctaPath(c: CampaignConfig): string {
  return c.settings.ctaPath ?? "/collections/all";
}

function replenishment(c: CampaignConfig, input: DecisionInput): Eligibility {
  const p = input.prediction;
  if (!p) return no("no prediction yet");
  const lead = c.settings.leadDays ?? 3;
  const overdue = c.settings.maxOverdueDays ?? 30;
  const now = input.now.getTime();
  const due = p.dueProducts
    .filter((d) => d.dueAt.getTime() <= now + lead * DAY && d.dueAt.getTime() >= now - overdue * DAY)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
  if (!due) return no(`no product due within ${lead} days`);
  return {
    eligible: true,
    occasion: p.lastOrderAt,
    tokens: { product: due.title, days_left: daysLeft(due.dueAt, input.now) },
    ctaUrl: (code) => cartPermalink(due.variantId, due.title, code, input.links, due.productId),
    coupon: null,
  };
}

function couponExpiry(c: CampaignConfig, input: DecisionInput): Eligibility {
  const within = c.settings.withinDays ?? 7;
  const now = input.now.getTime();
  const coupon = input.coupons
    .filter((k) => !k.usedAt && k.expiresAt.getTime() > now && k.expiresAt.getTime() <= now + within * DAY)
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())[0];
  if (!coupon) return no(`no unused code expiring within ${within} days`);
  return {
    eligible: true,
    occasion: coupon.issuedAt,
    tokens: { code: coupon.code, days_left: daysLeft(coupon.expiresAt, input.now), percent: coupon.percentOff * 100 },
    ctaUrl: (code) => discountLink(code, ctaPath(c), input.links),
    coupon: { code: coupon.code, expiresAt: coupon.expiresAt.toISOString() },
  };
}

function firstPurchase(c: CampaignConfig, input: DecisionInput): Eligibility {
  const p = input.prediction;
  if (!p) return no("no prediction yet");
  if (p.orderCount !== 1) return no(`has ${p.orderCount} orders, not exactly one`);
  const min = c.settings.minDaysAfterFirstOrder ?? 0;
  const max = c.settings.maxDaysAfterFirstOrder ?? 3;
  const days = (input.now.getTime() - p.firstOrderAt.getTime()) / DAY;
  if (days < min || days > max) return no(`first order was ${Math.floor(days)} days ago, outside ${min}–${max}`);
  return {
    eligible: true,
    occasion: p.firstOrderAt,
    tokens: {},
    ctaUrl: (code) => discountLink(code, ctaPath(c), input.links),
    coupon: null,
  };
}

function winBack(c: CampaignConfig, input: DecisionInput): Eligibility {
  const p = input.prediction;
  if (!p) return no("no prediction yet");
  if (p.orderCount < 1 || !p.dueWindow) return no("no purchase cycle known");
  const grace = c.settings.graceDays ?? 0;
  const overdueAfter = p.dueWindow.late.getTime() + grace * DAY;
  if (input.now.getTime() <= overdueAfter) return no("not overdue against their own cycle");
  return {
    eligible: true,
    occasion: p.lastOrderAt,
    tokens: {},
    ctaUrl: (code) => discountLink(code, ctaPath(c), input.links),
    coupon: null,
  };
}

function vipThanks(c: CampaignConfig, input: DecisionInput): Eligibility {
  if (!input.prediction) return no("no prediction yet");
  // Targeting (the top RFM group by default) is the whole rule; a dismissal ends it for good.
  return { eligible: true, occasion: EPOCH, tokens: {}, ctaUrl: () => ctaPath(c), coupon: null };
}

const RULES: Record<CampaignKey, (c: CampaignConfig, input: DecisionInput) => Eligibility> = {
  replenishment,
  coupon_expiry: couponExpiry,
  first_purchase: firstPurchase,
  win_back: winBack,
  vip_thanks: vipThanks,
};

export function eligibility(c: CampaignConfig, input: DecisionInput): Eligibility {
  return RULES[c.key](c, input);
}

/** The code a coupon-issuing campaign gave for this occasion, whatever its state. */
export function occasionCoupon(
  coupons: CustomerCoupon[],
  campaign: CampaignKey,
  occasion: Date,
): CustomerCoupon | undefined {
  const key = occasion.toISOString();
  return coupons.find((k) => k.campaign === campaign && k.occasion === key);
}
