// Issue 14: a variant's image in the banner, at phone, tablet and desktop widths in English and Korean, for every
// preset's text: the banner stays inside its reserved height and nothing shifts, even when the image arrives late
// and its file is not square (the CSS fixes its box, whatever the file's shape).
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BannerHarness, previewEntry, previewPath, probedPage, startBannerHarness } from "./banner-harness.js";
import { presetsWithImage, serveWideImage } from "./banner-image.js";
import { CHROMIUM } from "./storefront-server.js";

const WIDTHS = [390, 768, 1440] as const;
const LANGS = ["en", "ko"] as const;
// The image is served late, so it lands after the first layout.
const presets = presetsWithImage(new Date(), "-image");

describe.skipIf(!existsSync(CHROMIUM))("banner with a variant image in Chromium", () => {
  let h: BannerHarness;

  beforeAll(async () => {
    h = await startBannerHarness(presets.map((c) => previewEntry(c, { en: c.key, ko: c.key })));
  });
  afterAll(async () => {
    await h?.close();
  });

  async function openAt(width: number, id: string, lang: string): Promise<Page> {
    const page = await probedPage(h.browser, width);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await serveWideImage(page, held);
    await page.goto(h.url + previewPath(id, lang), { waitUntil: "domcontentloaded" });
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
