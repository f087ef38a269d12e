import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { adminPage, openAdmin } from "./admin-pages.js";
import { campaignApi, withAdminBrowser } from "./admin-browser.js";

const SYNC_STATUS = {
  state: "done",
  phase: "live",
  method: "bulk",
  progress: null,
  percent: 100,
  lastWebhookAt: null,
  lastSyncedAt: "2026-12-01T00:00:00.000Z",
  orders: 12,
  excludedOrders: 0,
  customers: 5,
  error: null,
  deadLetters: { total: 0, maxAttempts: 8, items: [] },
  unpublishedCustomers: 0,
};

// A page is "settled" for the screenshot review once its own API calls have answered: the editor's preview
// (sent 250 ms after the draft) and the sync status came after the skeletons were gone, so screenshots showed an
// empty "Storefront preview" card and a sync card stuck on "Loading…". The preview card is never blank either.
describe("admin pages settle before they are judged (Chromium)", () => {
  const admin = withAdminBrowser({ now: () => new Date(), mounts: (db) => [campaignApi(db)] });

  const previewCard = (page: Page) =>
    page
      .getByRole("heading", { name: "Storefront preview" })
      .locator("xpath=ancestor::div[contains(@class, 'Polaris-ShadowBevel')][1]");
  const slowly = (page: Page, url: string, ms: number) =>
    page.route(url, async (route) => {
      await new Promise((done) => setTimeout(done, ms));
      await route.continue();
    });

  it("shows a placeholder while the preview renders and the reason when it cannot", async () => {
    const page = await admin.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await slowly(page, "**/api/campaigns/win_back/preview", 1500);
    await page.goto(`${admin.url}/campaigns/win_back`);
    await page.getByRole("heading", { name: "Storefront preview" }).waitFor();
    expect(await previewCard(page).locator("[class*='Polaris-SkeletonBodyText']").count()).toBeGreaterThan(0);
    await previewCard(page).locator("iframe[data-testid=storefront-preview]").waitFor();

    await page.unroute("**/api/campaigns/win_back/preview");
    await page.route("**/api/campaigns/win_back/preview", (route) =>
      route.fulfill({ status: 500, json: { error: "preview renderer down" } }),
    );
    await page.reload();
    await previewCard(page)
      .getByText(/Something went wrong/)
      .waitFor({ timeout: 5000 });
    await page.close();
  });

  it("opens the editor and the settings in the app with their late data drawn", async () => {
    const page = await adminPage(admin.browser, "en", "desktop");
    await page.route("**/api/sync/status", async (route) => {
      await new Promise((done) => setTimeout(done, 1200));
      await route.fulfill({ json: SYNC_STATUS });
    });
    await slowly(page, "**/api/campaigns/win_back/preview", 800);
    await openAdmin(page, `${admin.url}/`);
    await openAdmin(page, `${admin.url}/campaigns/win_back`);
    expect(await previewCard(page).locator("iframe[data-testid=storefront-preview]").count()).toBe(1);
    await openAdmin(page, `${admin.url}/settings`);
    expect(await page.getByText("Loading…").count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Order sync" }).count()).toBe(1);
    await page.close();
  }, 60_000);

  it("labels each bar of the customer-mix and results charts instead of a number axis turned on its side", async () => {
    const page = await adminPage(admin.browser, "en", "desktop");
    await page.setViewportSize({ width: 1120, height: 900 });
    const rotated = () => page.evaluate(() => document.querySelectorAll("svg [transform*='rotate']").length);
    // The demo's sizes: thousands of customers per bar (labels like "2,500"), and rates of 0 before any order.
    await page.route("**/api/dashboard", async (route) => {
      const body = JSON.stringify(await (await route.fetch()).json(), (key, value) =>
        key === "count" && typeof value === "number" ? value * 997 : value,
      );
      await route.fulfill({ contentType: "application/json", body });
    });
    await page.route("**/api/campaigns/win_back/results", async (route) => {
      const results = await (await route.fetch()).json();
      await route.fulfill({ json: { ...results, lift: { ...results.lift, treatmentRate: 0, holdoutRate: 0 } } });
    });
    await openAdmin(page, `${admin.url}/`);
    await page.getByRole("heading", { name: "Customer mix" }).waitFor();
    expect(await page.locator("svg rect").count()).toBeGreaterThan(0);
    expect(await rotated()).toBe(0);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openAdmin(page, `${admin.url}/campaigns/win_back`);
    await page.getByRole("heading", { name: "Results" }).waitFor();
    expect(await page.locator("svg rect").count()).toBeGreaterThan(0);
    expect(await rotated()).toBe(0);
    await page.close();
  }, 60_000);

  it("draws the sync card when the status answers slower than its 2 s poll", async () => {
    const page = await adminPage(admin.browser, "en", "desktop");
    const answered: number[] = [];
    await page.route("**/api/sync/status", async (route) => {
      await new Promise((done) => setTimeout(done, 2600));
      await route.fulfill({ json: { ...SYNC_STATUS, state: "backfilling" } }).catch(() => undefined);
      answered.push(Date.now());
    });
    await page.goto(`${admin.url}/settings`);
    // Each poll aborted the request before it (2 s apart, 2.6 s to answer): the card said "Loading…" for good.
    await page.getByRole("heading", { name: "Order sync" }).waitFor({ timeout: 8000 });
    expect(answered.length).toBeGreaterThan(0);
    await page.close();
  }, 30_000);
});
