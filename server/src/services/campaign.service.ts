import type { Db } from "../db/database.js";
import { listStoredCampaigns, saveCampaign } from "../db/repositories/campaign.repository.js";
import { listExperimentStates, replaceVariants, saveWinner } from "../db/repositories/experiment.repository.js";
import { BASE_VARIANT } from "../domain/experiments/arms.js";
import { ValidationError } from "../domain/shared/errors.js";
import { parseVariants } from "./variant-input.js";
import { CAMPAIGN_KEYS, isCampaignKey, type CampaignConfig, type CampaignKey } from "../domain/campaigns/campaign.js";
import { defaultCampaigns } from "../domain/campaigns/presets.js";
import { NotFoundError } from "../domain/shared/errors.js";
import { applyCampaignPatch } from "./campaign-input.js";

/** The shop's five campaigns: stored edits over the preset defaults, in a fixed order. */
export async function effectiveCampaigns(db: Db, shop: string): Promise<CampaignConfig[]> {
  const [storedList, experiments] = await Promise.all([listStoredCampaigns(db, shop), listExperimentStates(db, shop)]);
  const stored = new Map(storedList.map((c) => [c.key, c]));
  return defaultCampaigns().map((preset) => {
    const saved = stored.get(preset.key);
    // Settings merge so a preset knob added later gets its default on old rows.
    const config = saved ? { ...saved, settings: { ...preset.settings, ...saved.settings } } : preset;
    const experiment = experiments.get(preset.key);
    return experiment ? { ...config, experiment } : config;
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

  function republish(shop: string) {
    deps.onChanged?.(shop).catch((err) => log(`Republishing ${shop} after a campaign change failed`, err));
  }

  return {
    list: (shop: string) => effectiveCampaigns(deps.db, shop),
    /** Replaces the extra variants ("b", "c", …); a winner that is no longer among them is cleared. */
    async saveVariants(shop: string, key: string, raw: unknown): Promise<CampaignConfig> {
      const current = await get(shop, key);
      const variants = parseVariants(raw);
      await replaceVariants(deps.db, shop, key, variants, now());
      const winner = current.experiment?.winner;
      if (winner && winner !== BASE_VARIANT && !variants.some((v) => v.id === winner))
        await saveWinner(deps.db, shop, key, null, now());
      republish(shop);
      return get(shop, key);
    },
    /**
     * "Make this the winner": ends the test, every treated customer gets `variant` from the next publish; the
     * holdout is kept so incremental revenue stays measured. Null reopens the test.
     */
    async chooseWinner(shop: string, key: string, variant: unknown): Promise<CampaignConfig> {
      const current = await get(shop, key);
      const known = [BASE_VARIANT, ...(current.experiment?.variants ?? []).map((v) => v.id)];
      if (variant !== null && (typeof variant !== "string" || !known.includes(variant)))
        throw new ValidationError(`Unknown variant (known: ${known.join(", ")})`, [
          { field: "variant", code: "invalid_choice", message: `must be one of ${known.join(", ")}` },
        ]);
      await saveWinner(deps.db, shop, key, variant, now());
      republish(shop);
      return get(shop, key);
    },
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
