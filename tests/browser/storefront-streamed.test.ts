// A theme page reaches the shopper in chunks, and Chromium paints what it has. When a chunk ends inside the
// banner, the half-parsed banner must not move as the rest arrives. CI saw 0.005 from this on a loaded
// machine (the stacked box centred its text, so each arriving line pushed the lines before it up); cutting the
// page inside the banner reproduces it on any machine.
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerIdFor, decideFor, unusedCoupon } from "./engine-fixtures.js";
import { bannerPresetCustomers } from "./storefront-presets.js";
import {
  CHROMIUM,
  LAYOUT_SHIFT_PROBE,
  launchChromium,
  startPreviewServer,
  type PreviewServer,
} from "./storefront-server.js";
import { startStreamedPage, type StreamedPage } from "./streamed-page.js";

const now = new Date();
const presets = Object.values(bannerPresetCustomers(now));
const holderId = customerIdFor("coupon_expiry", false, "notice-");
const holder = {
  id: holderId,
  firstName: "Sora",
  decision: decideFor({ id: holderId, firstName: "Sora", now, coupons: [unusedCoupon(now)] }),
};
/** Where a chunk can end: inside the greeting, the title, the body, the coupon line, before the button. */
const BANNER_CUTS = [
  '__greeting">',
  '__title" dir="auto">',
  '__body" dir="auto">',
  '__coupon">',
  'class="dangol-banner__cta"',
];
const NOTICE_CUTS = ['class="dangol-notice__text">', 'class="dangol-countdown"'];

describe.skipIf(!existsSync(CHROMIUM))("a banner that arrives in pieces", () => {
  let server: PreviewServer;
  let streamed: StreamedPage;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreviewServer(
      [...presets, holder].map((c) => ({
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
    streamed.cutAfter(cut);
    await page.goto(`${streamed.url}/preview?customer=${encodeURIComponent(id)}&lang=${lang}`, { waitUntil: "load" });
    const shift = await page.evaluate(() => (window as unknown as { __dangolShift: number }).__dangolShift);
    await context.close();
    return shift;
  }

  for (const width of [390, 768, 1440]) {
    for (const lang of width === 390 ? ["en", "ko"] : ["ko"]) {
      it(`${width} px, ${lang}: every preset, cut anywhere inside the banner, shifts nothing`, async () => {
        const shifts: string[] = [];
        for (const c of presets) {
          for (const cut of BANNER_CUTS) {
            const shift = await shiftsWhenCut(width, c.id, lang, cut);
            if (shift > 0) shifts.push(`${c.id} after ${cut}: ${shift.toFixed(4)}`);
          }
        }
        expect(shifts).toEqual([]);
      }, 120_000);
    }
  }

  it("the coupon-expiry bar, cut inside its text, shifts nothing", async () => {
    for (const cut of NOTICE_CUTS)
      expect({ cut, shift: await shiftsWhenCut(390, holder.id, "ko", cut) }).toEqual({ cut, shift: 0 });
  }, 60_000);
});
