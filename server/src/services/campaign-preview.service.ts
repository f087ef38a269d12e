import type { Db } from "../db/database.js";
import { listCustomerCoupons } from "../db/repositories/coupon.repository.js";
import { listFirstNames } from "../db/repositories/campaign-audience.repository.js";
import type { CampaignConfig } from "../domain/campaigns/campaign.js";
import { decide, type Verdict } from "../domain/campaigns/decide.js";
import type { CustomerCoupon, DecisionInput } from "../domain/campaigns/decision-input.js";
import type { Locale } from "../domain/campaigns/render.js";
import type { BannerDecision, NoticeDecision, StorefrontDecision } from "../domain/campaigns/storefront-decision.js";
import type { PredictionLoader } from "./decision-publisher.service.js";
import { createCampaignService, effectiveCampaigns } from "./campaign.service.js";
import { applyCampaignPatch } from "./campaign-input.js";
import { PREVIEW_CODE, sampleDecisionInput } from "./campaign-preview-sample.js";

const DAY = 86_400_000;
export { PREVIEW_CODE };

export interface CampaignPreview {
  key: string;
  customerId: string | null;
  banner: BannerDecision | null;
  notice: NoticeDecision | null;
  /** Why the campaign would or would not show to this customer right now. */
  verdict: Verdict | null;
  /** The whole decision as the customer metafield would hold it: what the storefront's Liquid renders. */
  decision: StorefrontDecision;
  /** The shopper it was decided for (the sample shopper without a customer), for the storefront's `customer`. */
  customer: { id: string; firstName: string | null };
}

export interface PreviewOptions {
  /** A real customer; without one, a sample shopper who qualifies. */
  customerId?: string | null;
  /** The editor's unsaved edit (a PATCH body), validated like a save; previewed instead of the stored campaign. */
  draft?: unknown;
  /** The storefront language the sample shopper's name and product are in. */
  lang?: Locale;
}

/**
 * What one campaign looks like, decided by the real engine (decide()) for a real customer or a sample shopper
 * who qualifies, ignoring the holdout, caps, dismissals and schedule so the merchant always sees their text.
 * Issues nothing: a code the campaign would issue is a placeholder with the campaign's own percent and validity.
 */
export function createCampaignPreviewService(deps: { db: Db; loadPredictions: PredictionLoader; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const campaigns = createCampaignService({ db: deps.db });

  async function customerInput(shop: string, customerId: string, at: Date, all: CampaignConfig[]) {
    const [prediction] = await deps.loadPredictions(shop, [customerId]);
    const names = await listFirstNames(deps.db, shop, [customerId]);
    const coupons = (await listCustomerCoupons(deps.db, shop, [customerId])).filter((c) => c.status === "active");
    const input: DecisionInput = {
      shop,
      customer: { id: customerId, firstName: names.get(customerId) ?? null },
      prediction: prediction ?? null,
      coupons,
      events: [],
      campaigns: all,
      now: at,
    };
    return input;
  }

  return {
    async preview(shop: string, key: string, options: PreviewOptions = {}): Promise<CampaignPreview> {
      const stored = await campaigns.get(shop, key);
      const campaign = options.draft === undefined ? stored : applyCampaignPatch(stored, options.draft);
      const at = now();
      const all = (await effectiveCampaigns(deps.db, shop)).map((c) => (c.key === key ? campaign : c));
      const base = options.customerId
        ? await customerInput(shop, options.customerId, at, all)
        : sampleDecisionInput(shop, campaign, all, options.lang ?? "en", at);
      // Only this campaign runs, always (no holdout, no schedule): the preview is about its text and offer.
      const { startsOn: _s, endsOn: _e, ...settings } = campaign.settings;
      // Variant A (the text being edited), whatever arm the sample customer is in.
      const forced = { ...campaign, enabled: true, holdoutShare: 0, settings, experiment: undefined };
      const input = { ...base, campaigns: [...all.filter((c) => c.key !== key).map(disable), forced] };
      let result = decide(input);
      const need = result.couponNeeds[0];
      if (need) {
        const placeholder: CustomerCoupon = {
          code: PREVIEW_CODE,
          campaign: need.campaign,
          occasion: need.occasion,
          percentOff: need.percentOff,
          issuedAt: at,
          expiresAt: new Date(at.getTime() + need.validDays * DAY),
          usedAt: null,
        };
        result = decide({ ...input, coupons: [...input.coupons, placeholder] });
      }
      const { banner, notice } = result.decision;
      const verdict = result.verdicts.find((v) => v.campaign === key) ?? null;
      return {
        key,
        customerId: options.customerId ?? null,
        banner,
        notice,
        verdict,
        decision: result.decision,
        customer: input.customer,
      };
    },
  };
}

const disable = (c: CampaignConfig): CampaignConfig => ({ ...c, enabled: false });

export type CampaignPreviewService = ReturnType<typeof createCampaignPreviewService>;
