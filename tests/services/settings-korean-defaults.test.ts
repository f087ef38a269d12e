// Korean merchants first: a Cafe24 mall's admin answers in Korean with Seoul dates unless the merchant chose a
// language or the shop record names its zone; a Shopify shop keeps English and the admin's own date handling.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeShopSettings } from "../../server/src/db/repositories/settings.repository.js";
import { upsertInstalledShop } from "../../server/src/db/repositories/shop.repository.js";
import { createSettingsService } from "../../server/src/services/settings.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const MALL = "koreamall";
const SHOP = "tea.myshopify.com";

describe.each(DB_KINDS)("settings defaults by platform (%s)", (kind) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb(kind);
    await upsertInstalledShop(t.db, MALL, "cafe24", new Date());
    await upsertInstalledShop(t.db, SHOP, "shopify", new Date());
  });
  afterEach(async () => t.destroy());

  it("answers Korean and Asia/Seoul for a Cafe24 mall, English and no zone for a Shopify shop", async () => {
    const settings = createSettingsService({ db: t.db });
    expect(await settings.get(MALL)).toMatchObject({ language: "ko", timeZone: "Asia/Seoul" });
    expect(await settings.get(SHOP)).toMatchObject({ language: "en", timeZone: null });
  });

  it("keeps the language the merchant chose, and the zone the shop record names", async () => {
    const settings = createSettingsService({ db: t.db });
    expect(await settings.update(MALL, { language: "en" })).toMatchObject({ language: "en", timeZone: "Asia/Seoul" });
    expect(await settings.get(MALL)).toMatchObject({ language: "en" });
    await writeShopSettings(t.db, MALL, { timeZone: "Asia/Tokyo" }, new Date());
    expect(await settings.get(MALL)).toMatchObject({ language: "ko", timeZone: "Asia/Tokyo" });
    await writeShopSettings(t.db, MALL, { timeZone: "Mars/Olympus" }, new Date());
    expect((await settings.get(MALL)).timeZone).toBe("Asia/Seoul");
  });
});
