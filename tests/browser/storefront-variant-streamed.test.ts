// Issue 14: a banner with a variant's image that reaches the shopper in two chunks (a theme page streams), cut
// inside the text, before the image, inside its tag or before the button, shifts nothing as the rest arrives.
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bannerPresetCustomers } from "./storefront-presets.js";
import {
  CHROMIUM,
  LAYOUT_SHIFT_PROBE,
  launchChromium,
  startPreviewServer,
  type PreviewServer,
} from "./storefront-server.js";
import { startStreamedPage, type StreamedPage } from "./streamed-page.js";

const IMAGE = "https://cdn.shopify.com/s/files/1/dangol-test/variant-b.svg";
const WIDE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100" fill="#c63"/></svg>`;
const now = new Date();
const presets = Object.values(bannerPresetCustomers(now)).map((c) => ({
  ...c,
  id: `${c.id}-streamed-image`,
  decision: { ...c.decision, banner: c.decision.banner && { ...c.decision.banner, variant: "b", imageUrl: IMAGE } },
}));
const CUTS = [
  '__title" dir="auto">',
  'class="dangol-banner__side"',
  'class="dangol-banner__image" src="https://cdn',
  'class="dangol-banner__cta"',
];

describe.skipIf(!existsSync(CHROMIUM))("a banner with an image that arrives in pieces", () => {
  let server: PreviewServer;
  let streamed: StreamedPage;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreviewServer(
      presets.map((c) => ({
        customer: { id: c.id, firstName: c.firstName, lastName: "Kim", email: null },
        decision: c.decision,
        label: { en: c.id, ko: c.id },
      })),
    );
    streamed = await startStreamedPage(server.url);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await streamed?.close();
    await server?.close();
  });

  async function shiftsWhenCut(width: number, id: string, lang: string, cut: string): Promise<number> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(LAYOUT_SHIFT_PROBE);
    await page.route(IMAGE, (route) => route.fulfill({ contentType: "image/svg+xml", body: WIDE_SVG }));
    streamed.cutAfter(cut);
    await page.goto(`${streamed.url}/preview?customer=${encodeURIComponent(id)}&lang=${lang}`, { waitUntil: "load" });
    expect(
      await page.evaluate(() => document.querySelector<HTMLImageElement>(".dangol-banner__image")?.naturalWidth),
    ).toBe(300);
    const shift = await page.evaluate(() => (window as unknown as { __dangolShift: number }).__dangolShift);
    await context.close();
    return shift;
  }

  for (const [width, lang] of [
    [390, "en"],
    [390, "ko"],
    [1440, "ko"],
  ] as const)
    it(`${width} px, ${lang}: every preset with an image, cut anywhere inside the banner, shifts nothing`, async () => {
      const shifts: string[] = [];
      for (const c of presets)
        for (const cut of CUTS) {
          const shift = await shiftsWhenCut(width, c.id, lang, cut);
          if (shift > 0) shifts.push(`${c.id} after ${cut}: ${shift.toFixed(4)}`);
        }
      expect(shifts).toEqual([]);
    }, 180_000);
});
