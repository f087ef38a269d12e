// Merchant text (and a shopper's name) with U+202E RIGHT-TO-LEFT OVERRIDE must not reorder what follows it on the
// page: every such string is bidi-isolated, so the code, the countdown and the other links stay in reading order.
import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { couponHolderDecision, dueDecision } from "../extension/decision-fixtures.js";
import {
  CHROMIUM,
  LAYOUT_SHIFT_PROBE,
  launchChromium,
  startPreviewServer,
  type PreviewServer,
} from "./storefront-server.js";

const RLO = "\u202E";
const now = new Date();
const both = (text: string) => ({ en: `${text}${RLO} tail`, ko: `${text}${RLO} 꼬리` });
const expiresAt = new Date(now.getTime() + 2 * 86_400_000 + 3 * 3_600_000).toISOString();

const bannerDecision = dueDecision(now, {
  title: both("Title"),
  body: both("Body"),
  ctaLabel: both("Go"),
  coupon: { code: `BACK${RLO}10`, expiresAt },
});
const noticeDecision = couponHolderDecision(now);
noticeDecision.notice = {
  ...noticeDecision.notice!,
  text: both("Your code expires soon:"),
  coupon: { code: `SAVE${RLO}10`, expiresAt },
};
const both_ = { ...bannerDecision, notice: noticeDecision.notice };

const shopper = { id: "bidi-1", firstName: `Min${RLO}ji`, lastName: "Kim", email: null };
const other = { id: "bidi-2", firstName: "Jisoo", lastName: "Lee", email: null };

describe.skipIf(!existsSync(CHROMIUM))("storefront preview: merchant text is bidi-isolated", () => {
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreviewServer([
      { customer: shopper, decision: both_, label: { en: `due${RLO}`, ko: `재구매${RLO}` } },
      { customer: other, decision: null, label: { en: "guest-ish", ko: "손님" } },
    ]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(lang: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(LAYOUT_SHIFT_PROBE);
    await page.goto(`${server.url}/preview?customer=${shopper.id}&lang=${lang}`, { waitUntil: "load" });
    return page;
  }

  /** Horizontal extent on screen of an element, or of the text node that starts its own content. */
  const box = (page: Page, selector: string, leadingText = false) =>
    page.evaluate(
      ([sel, text]) => {
        const el = document.querySelector(sel as string)!;
        const range = document.createRange();
        if (text) range.selectNodeContents([...el.childNodes].find((n) => n.nodeType === 3 && n.textContent!.trim())!);
        else range.selectNode(el);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right };
      },
      [selector, leadingText] as const,
    );

  for (const lang of ["en", "ko"]) {
    it(`${lang}: the banner's code and countdown stay in order after an RLO in the title, body, button and code`, async () => {
      const page = await open(lang);
      const label = await box(page, ".dangol-banner__coupon", true);
      const code = await box(page, ".dangol-banner__coupon strong");
      const countdown = await box(page, ".dangol-banner__coupon .dangol-countdown");
      expect(label.right).toBeLessThanOrEqual(code.left + 0.5);
      expect(code.right).toBeLessThanOrEqual(countdown.left + 0.5);
      await page.context().close();
    });

    it(`${lang}: the expiry bar's code and countdown stay in order after an RLO in its text and code`, async () => {
      const page = await open(lang);
      const text = await box(page, ".dangol-notice__text > :first-child");
      const code = await box(page, ".dangol-notice__text strong");
      const countdown = await box(page, ".dangol-notice__text .dangol-countdown");
      expect(text.right).toBeLessThanOrEqual(code.left + 0.5);
      expect(code.right).toBeLessThanOrEqual(countdown.left + 0.5);
      expect(await page.evaluate(() => (window as unknown as { __dangolShift: number }).__dangolShift)).toBe(0);
      await page.context().close();
    });

    it(`${lang}: a shopper's name with an RLO does not reorder the preview's customer picker or language links`, async () => {
      const page = await open(lang);
      const picks = await page
        .locator(".preview-bar li a")
        .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().left));
      expect(picks).toHaveLength(3);
      expect(picks).toEqual([...picks].sort((a, b) => a - b));
      const english = await box(page, '.preview-bar a[href$="lang=en"]:not(li a)');
      const korean = await box(page, '.preview-bar a[href$="lang=ko"]:not(li a)');
      expect(english.right).toBeLessThanOrEqual(korean.left);
      // Inside the shopper's own link: "(label)" still follows the name.
      const charLeft = (char: string) =>
        page.locator(`.preview-bar li a[href*="${shopper.id}"]`).evaluate((a, c) => {
          const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const at = n.textContent!.indexOf(c);
            if (at === -1) continue;
            const range = document.createRange();
            range.setStart(n, at);
            range.setEnd(n, at + 1);
            return range.getBoundingClientRect().left;
          }
          throw new Error(`no ${c}`);
        }, char);
      expect(await charLeft("j")).toBeLessThan(await charLeft("("));
      await page.context().close();
    });
  }
});
