import type { Db } from "../db/database.js";
import { listCustomerCoupons } from "../db/repositories/coupon.repository.js";
import { listFirstNames } from "../db/repositories/campaign-audience.repository.js";
import { decide, type Verdict } from "../domain/campaigns/decide.js";
import type { CustomerCoupon } from "../domain/campaigns/decision-input.js";
import type { BannerDecision, NoticeDecision } from "../domain/campaigns/storefront-decision.js";
import { PRESET_DEFINITIONS } from "../domain/campaigns/presets.js";
import { renderLocalized } from "../domain/campaigns/render.js";
import type { PredictionLoader } from "./decision-publisher.service.js";
import { createCampaignService, effectiveCampaigns } from "./campaign.service.js";

const DAY = 86_400_000;
export const PREVIEW_CODE = "DANGOL-PREVIEW";

export interface CampaignPreview {
  key: string;
  customerId: string | null;
  banner: BannerDecision | null;
  notice: NoticeDecision | null;
  /** Why the campaign would or would not show to this customer right now. */
  verdict: Verdict | null;
}

/**
 * What one campaign looks like for a real customer (or, without one, with sample values), ignoring the
 * holdout, caps and dismissals so the merchant always sees their text. Issues nothing: a code the campaign
 * would issue is shown as a placeholder.
 */
export function createCampaignPreviewService(deps: { db: Db; loadPredictions: PredictionLoader; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const campaigns = createCampaignService({ db: deps.db });
  return {
    async preview(shop: string, key: string, customerId: string | null): Promise<CampaignPreview> {
      const campaign = await campaigns.get(shop, key);
      const at = now();
      if (!customerId) {
        const text = {
          title: renderLocalized(campaign.content.title, SAMPLE),
          body: renderLocalized(campaign.content.body, SAMPLE),
          cta: renderLocalized(campaign.content.cta, SAMPLE),
        };
        const coupon = { code: PREVIEW_CODE, expiresAt: new Date(at.getTime() + 3 * DAY).toISOString() };
        return PRESET_DEFINITIONS[campaign.key].slot === "notice"
          ? { key, customerId, banner: null, notice: { campaign: key, text: text.body, coupon }, verdict: null }
          : {
              key,
              customerId,
              banner: {
                campaign: key,
                title: text.title,
                body: text.body,
                ctaLabel: text.cta,
                ctaUrl: "/collections/all",
                coupon: null,
              },
              notice: null,
              verdict: null,
            };
      }
      const [prediction] = await deps.loadPredictions(shop, [customerId]);
      const names = await listFirstNames(deps.db, shop, [customerId]);
      const coupons: CustomerCoupon[] = (await listCustomerCoupons(deps.db, shop, [customerId])).filter(
        (c) => c.status === "active",
      );
      const forced = { ...campaign, enabled: true, holdoutShare: 0 };
      const others = (await effectiveCampaigns(deps.db, shop)).map((c) => ({ ...c, enabled: false }));
      const input = {
        shop,
        customer: { id: customerId, firstName: names.get(customerId) ?? null },
        prediction: prediction ?? null,
        coupons,
        events: [],
        campaigns: [...others.filter((c) => c.key !== key), forced],
        now: at,
      };
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
        result = decide({ ...input, coupons: [...coupons, placeholder] });
      }
      const verdict = result.verdicts.find((v) => v.campaign === key) ?? null;
      return { key, customerId, banner: result.decision.banner, notice: result.decision.notice, verdict };
    },
  };
}

const SAMPLE = { first_name: "Mina", product: "Coffee beans", days_left: 3, code: PREVIEW_CODE, percent: 15 };

export type CampaignPreviewService = ReturnType<typeof createCampaignPreviewService>;
