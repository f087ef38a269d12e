import type { Db } from "../db/database.js";
import { listStoredCampaigns } from "../db/repositories/campaign.repository.js";
import { listCustomerCoupons } from "../db/repositories/coupon.repository.js";
import { defaultCampaign } from "../domain/campaigns/presets.js";
import { isInHoldout } from "../domain/campaigns/holdout.js";
import type { CommercePlatform } from "../platforms/commerce-platform.js";
import type { CampaignService } from "../services/campaign.service.js";
import { issueCoupon } from "../services/coupon-issuer.js";

const DAY = 86_400_000;

/**
 * Demo mode: a fresh demo shop starts with every preset switched on, so the storefront preview has
 * something to show. Once the merchant has saved any campaign, their choices are left alone.
 */
export async function enableDemoCampaigns(
  db: Db,
  campaigns: Pick<CampaignService, "list" | "update">,
  shop: string,
): Promise<void> {
  if ((await listStoredCampaigns(db, shop)).length > 0) return;
  for (const c of await campaigns.list(shop)) await campaigns.update(shop, c.key, { enabled: true });
}

// One collator for the whole sort: localeCompare with options builds one per comparison (0.4 s for the demo's ids).
const byNumericId = new Intl.Collator("en", { numeric: true }).compare;

/** How many demo shoppers hold a code that is about to expire, and how long ago it was issued. */
export const EXPIRING_DEMO_COUPONS = { customers: 3, issuedDaysAgo: 10 } as const;

/**
 * Demo mode: codes are issued for 14 days and the coupon-expiry notice starts 7 days before the end, so a demo
 * that has just issued its codes would never show that notice. A few shoppers (the first ids outside the
 * notice's holdout) get a win-back code issued 10 days ago, through the same issuer as a real one (claimed in
 * the database, created on the platform), so they have 4 days left. Shoppers who already hold a live code are
 * skipped, so a restart adds none. Returns the customers who got one.
 */
export async function seedExpiringDemoCoupons(
  deps: { db: Db; platform: CommercePlatform; log: (m: string, e: unknown) => void },
  shop: string,
  customerIds: string[],
  now: Date,
): Promise<string[]> {
  const notice = defaultCampaign("coupon_expiry");
  const chosen = [...customerIds]
    .sort(byNumericId)
    .filter((id) => !isInHoldout(shop, notice.key, id, notice.holdoutShare))
    .slice(0, EXPIRING_DEMO_COUPONS.customers);
  const live = new Set(
    (await listCustomerCoupons(deps.db, shop, chosen))
      .filter((c) => !c.usedAt && c.expiresAt > now)
      .map((c) => c.customerId),
  );
  const issuedAt = new Date(now.getTime() - EXPIRING_DEMO_COUPONS.issuedDaysAgo * DAY);
  const winBack = defaultCampaign("win_back").settings;
  const seeded: string[] = [];
  for (const customerId of chosen.filter((id) => !live.has(id))) {
    const need = {
      campaign: "win_back" as const,
      occasion: issuedAt.toISOString(),
      percentOff: winBack.percentOff ?? 0.15,
      validDays: winBack.couponValidDays ?? 14,
    };
    if (await issueCoupon(deps, shop, customerId, need, issuedAt)) seeded.push(customerId);
  }
  return seeded;
}
