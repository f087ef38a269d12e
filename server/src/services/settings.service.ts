import type { Db } from "../db/database.js";
import { readShopSettings, writeShopSettings } from "../db/repositories/settings.repository.js";
import type { Language, SettingsResponse, SettingsUpdate } from "../contracts/admin-api.js";
import { productOverridesFromSettings } from "./product-overrides.js";

const LANGUAGES: readonly Language[] = ["en", "ko"];

/** Merchant preferences kept in shops.settings: the admin language and the product overrides of the timing model. */
export function createSettingsService(deps: { db: Db; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    async get(shop: string): Promise<SettingsResponse> {
      const settings = (await readShopSettings(deps.db, shop)) ?? {};
      return view(shop, settings);
    },
    async update(shop: string, update: SettingsUpdate): Promise<SettingsResponse> {
      const settings = { ...((await readShopSettings(deps.db, shop)) ?? {}), ...update };
      await writeShopSettings(deps.db, shop, settings, now());
      return view(shop, settings);
    },
  };
}

function view(shop: string, settings: Record<string, unknown>): SettingsResponse {
  const language = LANGUAGES.includes(settings.language as Language) ? (settings.language as Language) : "en";
  return { shop, language, productOverrides: productOverridesFromSettings(settings) };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
