import { describe, expect, it } from "vitest";
import { campaignApi, withAdminBrowser } from "./admin-browser.js";

// /campaigns/nope rendered "Edit campaigns.names.nope" over a skeleton that never finished loading.
describe("admin: an unknown campaign in the URL", () => {
  const admin = withAdminBrowser({ mounts: (db) => [campaignApi(db)] });

  const setLanguage = (language: string) =>
    fetch(`${admin.url}/api/settings`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ language }),
    });

  it("says the campaign was not found and leads back to the campaign list", async () => {
    const page = await admin.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
    await page.goto(`${admin.url}/campaigns/nope`);
    await page.getByRole("heading", { name: "Campaign not found", level: 1 }).waitFor({ timeout: 10_000 });
    const body = await page.locator("body").innerText();
    expect(body).toContain("There is no campaign called “nope”");
    expect(body).not.toContain("campaigns.names");
    expect(await page.locator(".Polaris-SkeletonBodyText").count()).toBe(0);
    await page.getByRole("button", { name: "Back to campaigns" }).click();
    await page.waitForURL(`${admin.url}/campaigns`);
    await page.getByRole("heading", { name: "Campaigns", level: 1 }).waitFor();
    await page.close();
  });

  it("says it in Korean, and a known campaign still opens its editor", async () => {
    expect((await setLanguage("ko")).status).toBe(200);
    try {
      const page = await admin.browser.newPage({ viewport: { width: 390, height: 844 }, locale: "ko-KR" });
      await page.goto(`${admin.url}/campaigns/nope`);
      await page.getByRole("heading", { name: "캠페인을 찾을 수 없습니다", level: 1 }).waitFor({ timeout: 10_000 });
      expect(await page.getByRole("button", { name: "캠페인 목록으로" }).count()).toBe(1);
      await page.goto(`${admin.url}/campaigns/win_back`);
      await page.getByRole("heading", { level: 1, name: /편집$/ }).waitFor({ timeout: 10_000 });
      await page.close();
    } finally {
      await setLanguage("en");
    }
  });
});
