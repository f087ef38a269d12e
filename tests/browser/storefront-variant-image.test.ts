// Issue 14: a variant's image in the banner, at phone, tablet and desktop widths in English and Korean, for every
// preset's text: the banner stays inside its reserved height and nothing shifts, even when the image arrives late
// and its file is not square (the CSS fixes its box, whatever the file's shape).
import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bannerPresetCustomers } from "./storefront-presets.js";
import {
  CHROMIUM,
  LAYOUT_SHIFT_PROBE,
  launchChromium,
  startPreviewServer,
  type PreviewServer,
} from "./storefront-server.js";

const WIDTHS = [390, 768, 1440] as const;
const LANGS = ["en", "ko"] as const;
const IMAGE = "https://cdn.shopify.com/s/files/1/dangol-test/variant-b.svg";
// 3:1, so a box sized from the file would be short and wide; served late so it lands after the first layout.
const WIDE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100" fill="#c63"/></svg>`;
const now = new Date();
const presets = Object.entries(bannerPresetCustomers(now)).map(([key, c]) => ({
  key,
  ...c,
  id: `${c.id}-image`,
  decision: { ...c.decision, banner: c.decision.banner && { ...c.decision.banner, variant: "b", imageUrl: IMAGE } },
}));

describe.skipIf(!existsSync(CHROMIUM))("banner with a variant image in Chromium", () => {
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreviewServer(
      presets.map((c) => ({
        customer: { id: c.id, firstName: c.firstName, lastName: "Kim", email: null },
        decision: c.decision,
        label: { en: c.key, ko: c.key },
      })),
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openAt(width: number, id: string, lang: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(LAYOUT_SHIFT_PROBE);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(IMAGE, async (route) => {
      await held;
      await route.fulfill({ contentType: "image/svg+xml", body: WIDE_SVG });
    });
    await page.goto(`${server.url}/preview?customer=${encodeURIComponent(id)}&lang=${lang}`, {
      waitUntil: "domcontentloaded",
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    release();
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>(".dangol-banner__image")?.complete, {
      timeout: 30_000,
    });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return page;
  }

  const measure = (page: Page) =>
    page.evaluate(() => {
      const box = document.querySelector(".dangol-banner .dangol-banner__box")!;
      const img = document.querySelector<HTMLImageElement>(".dangol-banner__image")!;
      const r = img.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      return {
        height: b.height,
        reserved: parseFloat(getComputedStyle(box).minHeight),
        natural: img.naturalWidth,
        image: { width: r.width, height: r.height },
        inside: r.top >= b.top && r.bottom <= b.bottom && r.left >= b.left && r.right <= b.right,
        shift: (window as unknown as { __dangolShift: number }).__dangolShift,
      };
    });

  for (const width of WIDTHS)
    for (const lang of LANGS)
      it(`${width} px, ${lang}: every preset with an image fits its reserved height and nothing shifts`, async () => {
        for (const c of presets) {
          const page = await openAt(width, c.id, lang);
          const m = await measure(page);
          expect(m.natural).toBe(300); // the late image did load
          expect({ key: c.key, height: m.height, shift: m.shift, inside: m.inside }).toEqual({
            key: c.key,
            height: m.reserved,
            shift: 0,
            inside: true,
          });
          expect(m.image.width).toBe(m.image.height); // its box, not the 3:1 file
          expect(m.image.width).toBeGreaterThanOrEqual(36);
          await page.context().close();
        }
      });
});
