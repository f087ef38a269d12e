import type { Db } from "../database.js";
import type { CampaignsTable } from "../tables/campaign.tables.js";
import type { CampaignConfig } from "../../domain/campaigns/campaign.js";
import { isCampaignKey } from "../../domain/campaigns/campaign.js";

function toConfig(row: CampaignsTable): CampaignConfig | null {
  if (!isCampaignKey(row.campaign_key)) return null; // a key from a newer version: ignore rather than crash
  return {
    key: row.campaign_key,
    enabled: row.enabled === 1,
    priority: row.priority,
    holdoutShare: row.holdout_share,
    cap: JSON.parse(row.cap),
    segment: JSON.parse(row.segment),
    content: JSON.parse(row.content),
    settings: JSON.parse(row.settings),
  };
}

/** Stored campaigns of one shop (presets not yet edited are absent; the service fills in defaults). */
export async function listStoredCampaigns(db: Db, shop: string): Promise<CampaignConfig[]> {
  const rows = await db
    .selectFrom("campaigns")
    .selectAll()
    .where("shop_domain", "=", shop)
    .orderBy("campaign_key")
    .execute();
  return rows.map(toConfig).filter((c): c is CampaignConfig => c !== null);
}

export async function saveCampaign(db: Db, shop: string, config: CampaignConfig, now: Date): Promise<void> {
  const values = {
    enabled: config.enabled ? 1 : 0,
    priority: config.priority,
    holdout_share: config.holdoutShare,
    cap: JSON.stringify(config.cap),
    segment: JSON.stringify(config.segment),
    content: JSON.stringify(config.content),
    settings: JSON.stringify(config.settings),
    updated_at: now.toISOString(),
  };
  await db
    .insertInto("campaigns")
    .values({ shop_domain: shop, campaign_key: config.key, ...values })
    .onConflict((oc) => oc.columns(["shop_domain", "campaign_key"]).doUpdateSet(values))
    .execute();
}

export async function deleteShopCampaignData(db: Db, shop: string): Promise<void> {
  for (const table of [
    "campaigns",
    "coupons",
    "campaign_events",
    "campaign_event_daily",
    "customer_last_visits",
    "published_decisions",
    "publish_claims",
    "campaign_variants",
    "campaign_experiments",
    "experiment_assignments",
  ] as const) {
    await db.deleteFrom(table).where("shop_domain", "=", shop).execute();
  }
}

/**
 * customers/redact: the shopper's coupons, events, last visit, published decision and any publish claim a killed
 * publisher left (campaign settings and daily counts are the shop's).
 */
export async function deleteCustomerCampaignData(db: Db, shop: string, customerId: string): Promise<void> {
  for (const table of [
    "coupons",
    "campaign_events",
    "customer_last_visits",
    "published_decisions",
    "publish_claims",
    "experiment_assignments",
  ] as const) {
    await db.deleteFrom(table).where("shop_domain", "=", shop).where("customer_id", "=", customerId).execute();
  }
}
