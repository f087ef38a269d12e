import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { listPredictions } from "../../server/src/db/repositories/prediction.repository.js";
import { demoShopAuth } from "../../server/src/http/auth/session-token.js";
import { campaignRoutes } from "../../server/src/http/routes/admin/campaigns.routes.js";
import { createCampaignPreviewService } from "../../server/src/services/campaign-preview.service.js";
import { createCampaignResultsService } from "../../server/src/services/campaign-results.service.js";
import { createCampaignService } from "../../server/src/services/campaign.service.js";
import { createDecisionPublisher } from "../../server/src/services/decision-publisher.service.js";
import { previewDepsFromDb } from "../../server/src/storefront-preview/preview-deps.js";
import { previewRoutes } from "../../server/src/storefront-preview/preview.routes.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { NOW, seedTwoShops, SHOP_A } from "../http/admin/fixtures.js";
import { createFakePlatform } from "../helpers/fake-platform.js";
import { installedOn } from "../helpers/platforms.js";
import { CHROMIUM, CHROMIUM_ARGS, ensureWebBuild, serveAdmin } from "./admin-server.js";

// Admin toggles "Replenishment reminder" on in the Polaris UI → the publisher decides → the storefront preview shows it.
describe("campaign toggle reaches the storefront preview", () => {
  let db: TestDb;
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  // Three days on, the fixtures' coffee beans (due NOW + 5 d) are inside replenishment's 3-day lead.
  const publishNow = () => new Date(NOW.getTime() + 3 * 86_400_000);

  beforeAll(async () => {
    ensureWebBuild();
    db = await createTestDb();
    await seedTwoShops(db.db);
    const loadPredictions = (shop: string) => listPredictions(db.db, shop);
    const fake = createFakePlatform();
    fake.install(SHOP_A, { customers: (await listPredictions(db.db, SHOP_A)).map((p) => p.customerId) });
    const publisher = createDecisionPublisher({
      db: db.db,
      platforms: await installedOn(db.db, fake.platform, [SHOP_A]),
      loadPredictions,
      now: publishNow,
    });
    const campaigns = createCampaignService({ db: db.db, onChanged: (shop) => publisher.publishShop(shop) });
    server = await serveAdmin({
      db: db.db,
      dbKind: db.kind,
      auth: demoShopAuth(SHOP_A),
      now: () => NOW,
      extraMounts: [
        {
          path: "/api",
          handler: campaignRoutes({
            campaigns,
            results: createCampaignResultsService({ db: db.db }),
            preview: createCampaignPreviewService({ db: db.db, loadPredictions } as never),
          }),
        },
        { path: "/preview", handler: previewRoutes(previewDepsFromDb(db.db, SHOP_A)) },
      ],
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.destroy();
  });

  async function bannersShown(): Promise<number> {
    const page = await browser.newPage();
    let shown = 0;
    for (const id of ["a1", "a2", "a3"]) {
      await page.goto(`${server.url}/preview?customer=${id}&lang=en`);
      await page.waitForLoadState("load");
      if (await page.locator("dangol-slot.dangol-banner").isVisible()) shown++;
    }
    await page.close();
    return shown;
  }

  it("shows no banner while off, and the replenishment banner after the admin turns it on", async () => {
    expect(await bannersShown()).toBe(0);
    const admin = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await admin.goto(`${server.url}/campaigns`);
    await admin.getByRole("button", { name: "Turn on Replenishment reminder" }).click();
    await admin.getByRole("button", { name: "Turn off Replenishment reminder" }).waitFor();
    expect(new URL(admin.url()).pathname).toBe("/campaigns");
    await admin.close();
    // The publish runs in the background after the toggle; 10 % holdout may hide it from one of the three.
    await expect.poll(bannersShown, { timeout: 15_000, interval: 500 }).toBeGreaterThanOrEqual(2);
    const page = await browser.newPage();
    for (const id of ["a1", "a2", "a3"]) {
      await page.goto(`${server.url}/preview?customer=${id}&lang=en`);
      if (await page.locator("dangol-slot.dangol-banner").isVisible()) {
        expect(await page.locator(".dangol-banner__title").textContent()).toBe("Time to restock Coffee beans?");
        break;
      }
    }
    await page.close();
  });
});
