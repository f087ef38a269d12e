import { describe, expect, it } from "vitest";
import { campaignApi, withAdminBrowser } from "./admin-browser.js";
import type { Frame, Page } from "playwright-core";
import type { CampaignPreviewResponse } from "../../server/src/contracts/admin-api.js";
import type { StorefrontDecision } from "../../server/src/domain/campaigns/storefront-decision.js";
import { previewRoutes } from "../../server/src/storefront-preview/preview.routes.js";
import { SHOP_A } from "../http/admin/fixtures.js";

// The editor's preview is the storefront's own rendering of the unsaved draft: the discount typed in shows at
// once, and the banner reads exactly as /preview (the theme extension's Liquid) renders the same decision.
describe("campaign editor preview = storefront rendering (Chromium)", () => {
  // What /preview shows for the sample shopper: the decision the editor's preview was rendered from.
  const published = new Map<string, StorefrontDecision>();
  const admin = withAdminBrowser({
    now: () => new Date(),
    mounts: (db) => [
      campaignApi(db),
      {
        path: "/preview",
        handler: previewRoutes({
          shop: SHOP_A,
          loadCustomer: async (_shop, id) =>
            published.has(id) ? { id, firstName: "Mina", lastName: null, email: null } : null,
          loadDecision: async (_shop, id) => published.get(id) ?? null,
          listPicks: async () => [],
        }),
      },
    ],
  });

  const previewFrame = async (page: Page): Promise<Frame> => {
    const handle = await page.locator("iframe[data-testid=storefront-preview]").elementHandle();
    const frame = await handle!.contentFrame();
    return frame!;
  };
  /** The banner's words as a shopper reads them, and the moment its countdown runs to (its text keeps ticking). */
  const bannerText = (frame: Frame | Page) =>
    frame.locator(".dangol-banner").evaluate((el) => {
      const read = (selector: string) => el.querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim();
      return {
        title: read(".dangol-banner__title"),
        body: read(".dangol-banner__body"),
        cta: read(".dangol-banner__cta"),
        code: read(".dangol-banner__coupon bdi"),
        expires: el.querySelector(".dangol-countdown")?.getAttribute("data-expires"),
      };
    });
  const isDraft =
    (percentOff: number, couponValidDays: number) =>
    (r: { url(): string; request(): { method(): string; postData(): string | null } }) => {
      if (!r.url().endsWith("/api/campaigns/win_back/preview") || r.request().method() !== "POST") return false;
      const settings = JSON.parse(r.request().postData() ?? "{}").draft?.settings;
      return settings?.percentOff === percentOff && settings?.couponValidDays === couponValidDays;
    };

  it("shows the typed discount and validity, rendered as the storefront renders that decision", async () => {
    const page = await admin.browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await page.goto(`${admin.url}/campaigns/win_back`);
    // Before any edit: the campaign's own offer (15 % for 14 days), not a made-up sample.
    await page.locator("iframe[data-testid=storefront-preview]").waitFor();
    let frame = await previewFrame(page);
    await expect.poll(async () => (await bannerText(frame)).body).toContain("Take 15% off");
    expect((await bannerText(frame)).body).toContain("yours for 14 days");

    const answered = page.waitForResponse(isDraft(0.25, 7));
    await page.getByRole("spinbutton", { name: "Discount" }).fill("25");
    await page.getByRole("spinbutton", { name: "Code valid for" }).fill("7");
    const preview = (await (await answered).json()) as CampaignPreviewResponse;
    await expect
      .poll(async () => (await bannerText(await previewFrame(page))).body)
      .toBe("It's been a while. Take 25% off with your personal code DANGOL-PREVIEW — it's yours for 7 days.");
    frame = await previewFrame(page);
    const inEditor = await bannerText(frame);
    // The code is valid for the 7 days typed, counted from the moment of the preview.
    expect(inEditor.code).toBe("DANGOL-PREVIEW");
    expect(Date.parse(inEditor.expires!) - Date.parse(preview.decision.decidedAt)).toBe(7 * 86_400_000);
    expect(await frame.locator(".dangol-countdown").textContent()).toMatch(/^\s*[67]d /);

    // The storefront (/preview, the extension's Liquid) given the decision the editor previewed reads the same.
    published.set(preview.customer.id, preview.decision);
    const shop = await admin.browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await shop.goto(`${admin.url}/preview?customer=${preview.customer.id}&lang=en`);
    expect(await bannerText(shop)).toEqual(inEditor);
    await shop.close();
    await page.close();
  });

  it("shows an inline error for a discount out of range and keeps the save bar's Save off", async () => {
    const page = await admin.browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await page.goto(`${admin.url}/campaigns/win_back`);
    await page.getByRole("spinbutton", { name: "Discount" }).fill("95");
    await page.getByText("Must be at most 90").waitFor();
    await page.getByText("Unsaved changes").waitFor();
    expect(await page.getByRole("button", { name: "Save", exact: true }).isDisabled()).toBe(true);
    await page.close();
  });

  it("previews in Korean with Korean text, whole (not clipped) on a phone", async () => {
    for (const width of [1440, 390]) {
      const page = await admin.browser.newPage({ viewport: { width, height: 1100 } });
      await page.goto(`${admin.url}/campaigns/win_back`);
      await page.getByRole("tab", { name: "Korean" }).click();
      await expect
        .poll(async () => (await previewFrame(page)).locator("html").getAttribute("lang"), { timeout: 5000 })
        .toBe("ko");
      const frame = await previewFrame(page);
      const ko = await bannerText(frame);
      expect(ko.title).toBe("민아님, 보고 싶었어요");
      expect(ko.body).toContain("15% 할인 쿠폰");
      // The frame is sized to the rendered banner: nothing of it is cut off.
      const content = await frame.locator("html").evaluate((el) => el.scrollHeight);
      await expect
        .poll(() => page.locator("iframe[data-testid=storefront-preview]").evaluate((el) => el.clientHeight))
        .toBeGreaterThanOrEqual(content);
      // The message box shows its whole text (Polaris sized it from 13 px text while phones draw it at 16 px).
      const message = page.getByRole("textbox", { name: "Message" });
      await expect.poll(() => message.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
      const shots = process.env.SCREENSHOT_DIR;
      if (shots) await page.screenshot({ path: `${shots}/campaign-preview-ko-${width}.png`, fullPage: true });
      await page.close();
    }
  }, 60_000);
});
