// The Cafe24 ScriptTag storefront in Chromium: the preview page carries the tag as Cafe24 inserts it (src,
// integrity, crossorigin) and reports, through a Front SDK stand-in, the member id of a lapsed member who holds a
// live win-back coupon. That id is unsigned, so the banner is the mall's public one: shown in the reserved box
// with layout shift 0, Korean first, and the code appears nowhere (not in the DOM, not in any response). A
// script whose bytes don't match the registered integrity is refused by the browser.
import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAFE24_COUPON_PAGE } from "../../server/src/domain/campaigns/cta.js";
import {
  LAPSED_MEMBER,
  startCafe24StorefrontHarness,
  type Cafe24StorefrontHarness,
} from "../platforms/cafe24/storefront-harness.js";
import { CHROMIUM, LAYOUT_SHIFT_PROBE, launchChromium } from "./storefront-server.js";

describe.skipIf(!existsSync(CHROMIUM))("Cafe24 ScriptTag banner in Chromium", () => {
  let h: Cafe24StorefrontHarness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startCafe24StorefrontHarness("sqlite");
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function open(width: number, query: string): Promise<{ page: Page; bodies: string[]; urls: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(LAYOUT_SHIFT_PROBE);
    const bodies: string[] = [];
    const urls: string[] = [];
    page.on("response", async (r) => {
      urls.push(r.url());
      bodies.push(await r.text().catch(() => ""));
    });
    await page.goto(`${h.base}/preview?platform=cafe24&${query}`, { waitUntil: "load" });
    return { page, bodies, urls };
  }

  it.each([390, 1440])(
    "at %i px: the unverified member sees the public banner in the reserved box, shift 0, no code anywhere",
    async (width) => {
      const { page, bodies, urls } = await open(width, `member_id=${LAPSED_MEMBER}&lang=ko`);
      const cta = page.locator(".dg24 a");
      await cta.waitFor({ state: "visible", timeout: 15_000 });
      expect(await cta.getAttribute("href")).toBe(CAFE24_COUPON_PAGE);
      expect(await cta.textContent()).toBe("쿠폰함 보기");
      // The decision was asked with the member id the SDK reported (unverified) and answered the public banner.
      expect(
        urls.some((u) => u.includes("/cafe24/storefront/decision?") && u.includes(`member_id=${LAPSED_MEMBER}`)),
      ).toBe(true);
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => (window as unknown as { __dangolShift: number }).__dangolShift)).toBe(0);
      const box = await page.evaluate(() => {
        const el = document.querySelector(".dg24")!;
        return { height: el.getBoundingClientRect().height, lang: (el as HTMLElement).lang };
      });
      expect(box).toEqual({ height: 128, lang: "ko" });
      expect(await page.content()).not.toContain(h.code);
      expect(bodies.length).toBeGreaterThan(2);
      for (const body of bodies) expect(body).not.toContain(h.code);
      await page.context().close();
    },
    60_000,
  );

  it("English by the shop's language", async () => {
    const { page } = await open(1440, `member_id=${LAPSED_MEMBER}&lang=en`);
    const cta = page.locator(".dg24 a");
    await cta.waitFor({ state: "visible", timeout: 15_000 });
    expect(await cta.textContent()).toBe("Open my coupons");
    await page.context().close();
  }, 60_000);

  it("refuses a script whose bytes are not the registered integrity's (no banner, still no shift)", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(LAYOUT_SHIFT_PROBE);
    await page.route("**/cafe24/storefront/banner.js*", async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: `${await res.text()}\n// tampered\n` });
    });
    const refused = page.waitForEvent("console", { predicate: (m) => /integrity/i.test(m.text()), timeout: 15_000 });
    await page.goto(`${h.base}/preview?platform=cafe24&member_id=${LAPSED_MEMBER}`, { waitUntil: "load" });
    await refused;
    expect(await page.locator(".dg24").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __dangolShift: number }).__dangolShift)).toBe(0);
    await context.close();
  }, 60_000);

  it("without a Cafe24 mall in the demo, /preview?platform=cafe24 is a 404 page saying how to start one", async () => {
    const bare = await startCafe24StorefrontHarness("sqlite", { mall: false, publish: false });
    try {
      const res = await fetch(`${bare.base}/preview?platform=cafe24`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain("DEMO_PLATFORM=cafe24 npm start");
    } finally {
      await bare.close();
    }
  }, 60_000);
});
