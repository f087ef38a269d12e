// A theme page reaches the shopper in chunks, and Chromium paints what it has. When a chunk ends inside the
// banner, the half-parsed banner must not move as the rest arrives. CI saw 0.005 from this on a loaded
// machine (the stacked box centred its text, so each arriving line pushed the lines before it up); cutting the
// page inside the banner reproduces it on any machine.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cutsThatShift, shiftWhenCut } from "./banner-cuts.js";
import { type BannerHarness, previewEntry, startBannerHarness } from "./banner-harness.js";
import { customerIdFor, decideFor, unusedCoupon } from "./engine-fixtures.js";
import { bannerPresetCustomers } from "./storefront-presets.js";
import { CHROMIUM } from "./storefront-server.js";

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
  let h: BannerHarness;

  beforeAll(async () => {
    h = await startBannerHarness(
      [...presets, holder].map((c) => previewEntry(c)),
      { streamed: true },
    );
  });

  afterAll(async () => {
    await h?.close();
  });

  for (const width of [390, 768, 1440]) {
    for (const lang of width === 390 ? ["en", "ko"] : ["ko"]) {
      it(`${width} px, ${lang}: every preset, cut anywhere inside the banner, shifts nothing`, async () => {
        const shifts = await cutsThatShift(
          h,
          width,
          lang,
          presets.map((c) => c.id),
          BANNER_CUTS,
        );
        expect(shifts).toEqual([]);
      }, 120_000);
    }
  }

  it("the coupon-expiry bar, cut inside its text, shifts nothing", async () => {
    for (const cut of NOTICE_CUTS)
      expect({ cut, shift: await shiftWhenCut(h, 390, holder.id, "ko", cut) }).toEqual({ cut, shift: 0 });
  }, 60_000);
});
