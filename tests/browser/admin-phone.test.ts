import { describe, expect, it } from "vitest";
import { withAdminBrowser } from "./admin-browser.js";
import type { Page } from "playwright-core";
import { sessionToken, SHOP_A } from "../http/admin/fixtures.js";

const PHONE = { width: 390, height: 844 };

/** Elements wider than the screen or scrolling sideways (the page itself included). */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth)
      found.push(`page ${document.documentElement.scrollWidth}px`);
    for (const el of document.querySelectorAll<HTMLElement>("[class*='IndexTable'], main *")) {
      const overflowX = getComputedStyle(el).overflowX;
      const scrolls = (overflowX === "auto" || overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1;
      if (scrolls || el.getBoundingClientRect().right > window.innerWidth + 1)
        found.push(`${el.tagName}.${el.className} ${el.scrollWidth}/${el.clientWidth}`);
    }
    return found;
  });
}

/** Button labels that break inside a word: more lines than the label has words. */
function wordsBrokenInButtons(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".Polaris-Button")].flatMap((button) => {
      const text = button.innerText.trim();
      if (!text || button.getBoundingClientRect().width === 0) return [];
      // Line boxes of the label's text (not of its wrappers, whose boxes sit a few pixels apart).
      const tops: number[] = [];
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        tops.push(...[...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top));
      }
      const lines = new Set(tops.map((top) => Math.round(top / 8)));
      return lines.size > text.split(/\s+/).length ? [`${text}: ${lines.size} lines`] : [];
    }),
  );
}

// The admin on a 390 px phone: the navigation opens from the top bar, the customer list fits the screen.
describe("admin UI on a phone (390 px)", () => {
  const admin = withAdminBrowser({ embedded: true });

  it("opens the navigation from the top bar and goes to Customers, whose list has no sideways scroll", async () => {
    const page = await admin.browser.newPage({ viewport: PHONE, locale: "en-US", isMobile: true, hasTouch: true });
    await page.goto(admin.url);
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    const customersLink = page.getByRole("link", { name: "Customers", exact: true });
    expect(await customersLink.isVisible()).toBe(false);
    await page.getByRole("button", { name: "Toggle menu" }).click();
    await customersLink.click();
    await page.getByRole("heading", { name: "Customers", level: 1 }).waitFor();
    await page.getByText("Jane Kim").waitFor();
    expect(new URL(page.url()).pathname).toBe("/customers");
    await expect.poll(() => customersLink.isVisible()).toBe(false); // the sheet closed behind the choice
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: "/tmp/admin-phone-customers-en.png", fullPage: true });
    await page.close();
  });

  it("Korean button labels break between words, never one syllable per line", async () => {
    const page = await admin.browser.newPage({ viewport: PHONE, locale: "ko-KR", isMobile: true, hasTouch: true });
    await page.route("**/api/settings", (route) =>
      route.request().method() === "GET" ? route.fulfill({ json: { language: "ko" } }) : route.continue(),
    );
    for (const path of ["/", "/customers", "/campaigns", "/campaigns/win_back", "/settings", "/customers/a1"]) {
      await page.goto(`${admin.url}${path}`);
      await page.locator("h1").first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(await wordsBrokenInButtons(page), path).toEqual([]);
    }
    await page.close();
  });

  it("embedded: Shopify's admin draws the navigation (ui-nav-menu), so there is no top bar of ours", async () => {
    const token = await sessionToken(SHOP_A, { exp: Math.floor(Date.now() / 1000) + 600 });
    const page = await admin.browser.newPage({ viewport: PHONE, locale: "en-US" });
    await page.addInitScript((t) => {
      (window as unknown as { shopify: unknown }).shopify = {
        idToken: async () => t,
        config: { shop: "alpha.myshopify.com", locale: "en" },
      };
    }, token);
    await page.goto(`${admin.embeddedUrl}/customers`);
    await page.getByText("Jane Kim").waitFor();
    expect(await page.locator("ui-nav-menu a").count()).toBe(4);
    expect(await page.getByRole("button", { name: "Toggle menu" }).count()).toBe(0);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.close();
  });
});
