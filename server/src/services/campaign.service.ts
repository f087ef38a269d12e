import type { Db } from "../db/database.js";
import { listStoredCampaigns, saveCampaign } from "../db/repositories/campaign.repository.js";
import { CAMPAIGN_KEYS, isCampaignKey, type CampaignConfig, type CampaignKey } from "../domain/campaigns/campaign.js";
import { defaultCampaigns } from "../domain/campaigns/presets.js";
import { NotFoundError } from "../domain/shared/errors.js";
import { applyCampaignPatch } from "./campaign-input.js";

/** The shop's five campaigns: stored edits over the preset defaults, in a fixed order. */
export async function effectiveCampaigns(db: Db, shop: string): Promise<CampaignConfig[]> {
  const stored = new Map((await listStoredCampaigns(db, shop)).map((c) => [c.key, c]));
  return defaultCampaigns().map((preset) => {
    const saved = stored.get(preset.key);
    // Settings merge so a preset knob added later gets its default on old rows.
    return saved ? { ...saved, settings: { ...preset.settings, ...saved.settings } } : preset;
  });
}

export interface CampaignServiceDeps {
  db: Db;
  now?: () => Date;
  /** Called (not awaited) after a change that affects what shoppers see; the publisher republishes the shop. */
  onChanged?: (shop: string) => Promise<unknown>;
  log?: (message: string, err: unknown) => void;
}

export function createCampaignService(deps: CampaignServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? console.error;

  async function get(shop: string, key: string): Promise<CampaignConfig> {
    if (!isCampaignKey(key)) throw new NotFoundError(`Unknown campaign "${key}" (known: ${CAMPAIGN_KEYS.join(", ")})`);
    return (await effectiveCampaigns(deps.db, shop)).find((c) => c.key === key)!;
  }

  return {
    list: (shop: string) => effectiveCampaigns(deps.db, shop),
    get,
    /** Validates and applies a merchant edit; toggles and edits republish the shop's decisions. */
    async update(shop: string, key: string, rawPatch: unknown): Promise<CampaignConfig> {
      const current = await get(shop, key);
      const next = applyCampaignPatch(current, rawPatch);
      await saveCampaign(deps.db, shop, next, now());
      if (deps.onChanged && JSON.stringify(next) !== JSON.stringify(current)) {
        deps.onChanged(shop).catch((err) => log(`Republishing ${shop} after a campaign change failed`, err));
      }
      return next;
    },
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
export type { CampaignKey };
