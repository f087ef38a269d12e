// Issue 10: each shop's platform comes from its own row, so one process serves shops of several platforms, and
// one platform's signature never speaks for another platform's shop.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as webhookEvents from "../../server/src/db/repositories/webhook-event.repository.js";
import { upsertInstalledShop } from "../../server/src/db/repositories/shop.repository.js";
import { NotFoundError, UnauthorizedError } from "../../server/src/domain/shared/errors.js";
import type { PlatformEvent, VerifiedWebhook } from "../../server/src/platforms/commerce-platform.js";
import { createPrivacyService } from "../../server/src/services/privacy.service.js";
import { createWebhookIngestService } from "../../server/src/services/webhook-ingest.service.js";
import { createFakePlatform, FAKE_CAFE24_CAPABILITIES } from "../helpers/fake-platform.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { registryOf } from "../helpers/platforms.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const MALL = "dangolmall"; // a Cafe24 mall id
const SHOP = "tea.myshopify.com";

/** The in-memory fake, built as a second platform (Cafe24) beside the Shopify one. */
const cafe24Fake = () => createFakePlatform({ id: "cafe24", capabilities: FAKE_CAFE24_CAPABILITIES }).platform;

describe.each(DB_KINDS)("platform registry on %s", (kind) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb(kind);
  });
  afterEach(async () => t.destroy());

  it("resolves each shop to the platform its row names, and no shop it holds no row for", async () => {
    const shopify = createFakePlatform().platform;
    const cafe24 = cafe24Fake();
    const platforms = registryOf(t.db, shopify, cafe24);
    await upsertInstalledShop(t.db, SHOP, "shopify", new Date());
    await upsertInstalledShop(t.db, MALL, "cafe24", new Date());
    expect(await platforms.for(SHOP)).toBe(shopify);
    expect(await platforms.for(MALL)).toBe(cafe24);
    expect((await platforms.for(MALL)).capabilities.bulkExport).toBe(false);
    expect(platforms.get("cafe24")).toBe(cafe24);
    expect(platforms.ids()).toEqual(["shopify", "cafe24"]);
    await expect(platforms.for("nobody.myshopify.com")).rejects.toThrow(NotFoundError);
    expect(await platforms.find("nobody.myshopify.com")).toBeUndefined();
  });

  it("refuses a shop whose platform is not registered, and a platform registered twice", async () => {
    const platforms = registryOf(t.db, createFakePlatform().platform);
    await upsertInstalledShop(t.db, MALL, "cafe24", new Date());
    await expect(platforms.for(MALL)).rejects.toThrow('No platform "cafe24" is registered');
    expect(() => registryOf(t.db, createFakePlatform().platform, createFakePlatform().platform)).toThrow(
      "registered twice",
    );
  });

  it("refuses a delivery one platform verified for a shop of another platform (401, nothing stored)", async () => {
    await upsertInstalledShop(t.db, SHOP, "shopify", new Date());
    // A Cafe24 adapter whose signature check passes a body that names a Shopify shop.
    const cafe24 = Object.create(cafe24Fake(), {
      verifyWebhook: {
        value: async (): Promise<VerifiedWebhook> => ({
          topic: "shop/redact",
          shopDomain: SHOP,
          webhookId: "wh-cross-platform",
          eventId: null,
          triggeredAt: null,
          apiVersion: null,
          payload: {},
        }),
      },
      webhookEvent: { value: (): PlatformEvent => ({ kind: "shop_erase", reason: "redact" }) },
    });
    const ingest = createWebhookIngestService({
      db: t.db,
      platforms: registryOf(t.db, createFakePlatform().platform, cafe24),
      privacy: createPrivacyService({ db: t.db }),
      log: () => undefined,
    });
    await expect(ingest.ingest("cafe24", Buffer.from("{}"), {})).rejects.toThrow(UnauthorizedError);
    expect(await webhookEvents.findWebhookEvent(t.db, SHOP, "wh-cross-platform")).toBeUndefined();
    await ingest.stop();
  });
});
