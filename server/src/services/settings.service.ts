import type { Db } from "../db/database.js";
import { readShopSettings, writeShopSettings } from "../db/repositories/settings.repository.js";
import { findShop } from "../db/repositories/shop.repository.js";
import type { Language, SettingsResponse, SettingsUpdate } from "../contracts/admin-api.js";
import { productOverridesFromSettings } from "./product-overrides.js";
import { flowSettingsUpdate, flowSettingsView } from "./flow-events/flow-settings.js";

const LANGUAGES: readonly Language[] = ["en", "ko"];

/** Merchant preferences kept in shops.settings: the admin language and the product overrides of the timing model. */
export function createSettingsService(deps: { db: Db; now?: () => Date; demo?: boolean }) {
  const now = deps.now ?? (() => new Date());
  return {
    async get(shop: string): Promise<SettingsResponse> {
      const settings = (await readShopSettings(deps.db, shop)) ?? {};
      return view(shop, settings, await platformOf(deps.db, shop));
    },
    async update(shop: string, update: SettingsUpdate): Promise<SettingsResponse> {
      const stored = (await readShopSettings(deps.db, shop)) ?? {};
      const { flowWebhookUrl, flowCouponWarningDays, ...rest } = update;
      const flow = flowSettingsUpdate(stored, { flowWebhookUrl, flowCouponWarningDays }, deps.demo ?? false);
      const settings = { ...stored, ...rest, ...flow };
      await writeShopSettings(deps.db, shop, settings, now());
      return view(shop, settings, await platformOf(deps.db, shop));
    },
  };
}

const platformOf = async (db: Db, shop: string) => (await findShop(db, shop))?.platform;

/**
 * Korean merchants first: a Cafe24 mall's admin speaks Korean and dates in Seoul time unless the merchant chose a
 * language, or the shop record names its time zone (settings.timeZone). Other shops keep English and the admin's
 * own date handling (timeZone null).
 */
function view(shop: string, settings: Record<string, unknown>, platform: string | undefined): SettingsResponse {
  const cafe24 = platform === "cafe24";
  const language = LANGUAGES.includes(settings.language as Language)
    ? (settings.language as Language)
    : cafe24
      ? "ko"
      : "en";
  const timeZone = isTimeZone(settings.timeZone) ? settings.timeZone : cafe24 ? "Asia/Seoul" : null;
  return {
    shop,
    language,
    timeZone,
    productOverrides: productOverridesFromSettings(settings),
    ...flowSettingsView(settings),
    // As platforms/flow-deliverer.ts routes them: only a Cafe24 mall's events go to the webhook.
    flowEventsVia: cafe24 ? "signed-webhook" : "shopify-flow",
  };
}

function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || !zone) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type SettingsService = ReturnType<typeof createSettingsService>;
