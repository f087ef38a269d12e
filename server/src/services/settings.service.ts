import type { Db } from "../db/database.js";
import { readShopSettings, writeShopSettings } from "../db/repositories/settings.repository.js";
import type { Language, SettingsResponse, SettingsUpdate } from "../http/contracts.js";

const LANGUAGES: readonly Language[] = ["en", "ko"];

/** Merchant preferences kept in shops.settings (today: the admin language). */
export function createSettingsService(deps: { db: Db; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    async get(shop: string): Promise<SettingsResponse> {
      const settings = (await readShopSettings(deps.db, shop)) ?? {};
      const language = LANGUAGES.includes(settings.language as Language) ? (settings.language as Language) : "en";
      return { shop, language };
    },
    async update(shop: string, update: SettingsUpdate): Promise<SettingsResponse> {
      const settings = (await readShopSettings(deps.db, shop)) ?? {};
      await writeShopSettings(deps.db, shop, { ...settings, language: update.language }, now());
      return { shop, language: update.language };
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
