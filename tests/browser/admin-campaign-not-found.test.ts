import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { demoShopAuth } from "../../server/src/http/auth/session-token.js";
import { campaignRoutes } from "../../server/src/http/routes/admin/campaigns.routes.js";
import { createCampaignPreviewService } from "../../server/src/services/campaign-preview.service.js";
import { createCampaignResultsService } from "../../server/src/services/campaign-results.service.js";
import { createCampaignService } from "../../server/src/services/campaign.service.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { NOW, seedTwoShops, SHOP_A } from "../http/admin/fixtures.js";
import { CHROMIUM, CHROMIUM_ARGS, ensureWebBuild, serveAdmin } from "./admin-server.js";

// /campaigns/nope rendered "Edit campaigns.names.nope" over a skeleton that never finished loading.
describe("admin: an unknown campaign in the URL", () => {
  let db: TestDb;
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    ensureWebBuild();
    db = await createTestDb();
    await seedTwoShops(db.db);
    const deps = {
      campaigns: createCampaignService({ db: db.db }),
      results: createCampaignResultsService({ db: db.db }),
      preview: createCampaignPreviewService({ db: db.db, loadPredictions: async () => [] }),
    };
    server = await serveAdmin({
      db: db.db,
      dbKind: db.kind,
      auth: demoShopAuth(SHOP_A),
      now: () => NOW,
      extraMounts: [{ path: "/api", handler: campaignRoutes(deps) }],
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.destroy();
  });

  const setLanguage = (language: string) =>
    fetch(`${server.url}/api/settings`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ language }),
    });

  it("says the campaign was not found and leads back to the campaign list", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
    await page.goto(`${server.url}/campaigns/nope`);
    await page.getByRole("heading", { name: "Campaign not found", level: 1 }).waitFor({ timeout: 10_000 });
    const body = await page.locator("body").innerText();
    expect(body).toContain("There is no campaign called “nope”");
    expect(body).not.toContain("campaigns.names");
    expect(await page.locator(".Polaris-SkeletonBodyText").count()).toBe(0);
    await page.getByRole("button", { name: "Back to campaigns" }).click();
    await page.waitForURL(`${server.url}/campaigns`);
    await page.getByRole("heading", { name: "Campaigns", level: 1 }).waitFor();
    await page.close();
  });

  it("says it in Korean, and a known campaign still opens its editor", async () => {
    expect((await setLanguage("ko")).status).toBe(200);
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "ko-KR" });
      await page.goto(`${server.url}/campaigns/nope`);
      await page.getByRole("heading", { name: "캠페인을 찾을 수 없습니다", level: 1 }).waitFor({ timeout: 10_000 });
      expect(await page.getByRole("button", { name: "캠페인 목록으로" }).count()).toBe(1);
      await page.goto(`${server.url}/campaigns/win_back`);
      await page.getByRole("heading", { level: 1, name: /편집$/ }).waitFor({ timeout: 10_000 });
      await page.close();
    } finally {
      await setLanguage("en");
    }
  });
});
