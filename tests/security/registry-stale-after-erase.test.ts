// The registry remembered a shop's platform for the life of the process, so after the shop was erased (uninstall,
// shop/redact) `find` still named a platform and the ingest applied late deliveries to a shop it holds no row for;
// after a reinstall on another platform the shop stayed on the old one, whose signature then still spoke for it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { upsertInstalledShop } from "../../server/src/db/repositories/shop.repository.js";
import { createPrivacyService } from "../../server/src/services/privacy.service.js";
import { createFakePlatform, FAKE_CAFE24_CAPABILITIES } from "../helpers/fake-platform.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { registryOf } from "../helpers/platforms.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOP = "stale-shop";

describe.each(DB_KINDS)("platform registry after an erase (%s)", (kind) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb(kind);
  });
  afterEach(async () => t.destroy());

  it("names no platform for an erased shop, and the new one after a reinstall on another platform", async () => {
    const shopify = createFakePlatform().platform;
    const cafe24 = createFakePlatform({ id: "cafe24", capabilities: FAKE_CAFE24_CAPABILITIES }).platform;
    const platforms = registryOf(t.db, shopify, cafe24);
    await upsertInstalledShop(t.db, SHOP, "shopify", new Date());
    expect(await platforms.for(SHOP)).toBe(shopify);
    await createPrivacyService({ db: t.db }).eraseShop(SHOP);
    expect(await platforms.find(SHOP)).toBeUndefined();
    await upsertInstalledShop(t.db, SHOP, "cafe24", new Date());
    expect(await platforms.for(SHOP)).toBe(cafe24);
  });
});
