import type { Db } from "../db/database.js";
import { listStoredCampaigns } from "../db/repositories/campaign.repository.js";
import type { CampaignService } from "../services/campaign.service.js";

/**
 * Demo mode: a fresh demo shop starts with every preset switched on, so the storefront preview has
 * something to show. Once the merchant has saved any campaign, their choices are left alone.
 */
export async function enableDemoCampaigns(db: Db, campaigns: Pick<CampaignService, "list" | "update">, shop: string): Promise<void> {
  if ((await listStoredCampaigns(db, shop)).length > 0) return;
  for (const c of await campaigns.list(shop)) await campaigns.update(shop, c.key, { enabled: true });
}
