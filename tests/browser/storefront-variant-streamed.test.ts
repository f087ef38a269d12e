// Issue 14: a banner with a variant's image that reaches the shopper in two chunks (a theme page streams), cut
// inside the text, before the image, inside its tag or before the button, shifts nothing as the rest arrives.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cutsThatShift } from "./banner-cuts.js";
import { type BannerHarness, previewEntry, startBannerHarness } from "./banner-harness.js";
import { imageNaturalWidth, presetsWithImage, serveWideImage } from "./banner-image.js";
import { CHROMIUM } from "./storefront-server.js";

const presets = presetsWithImage(new Date(), "-streamed-image");
const CUTS = [
  '__title" dir="auto">',
  'class="dangol-banner__side"',
  'class="dangol-banner__image" src="https://cdn',
  'class="dangol-banner__cta"',
];

describe.skipIf(!existsSync(CHROMIUM))("a banner with an image that arrives in pieces", () => {
  let h: BannerHarness;

  beforeAll(async () => {
    h = await startBannerHarness(
      presets.map((c) => previewEntry(c)),
      { streamed: true },
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const [width, lang] of [
    [390, "en"],
    [390, "ko"],
    [1440, "ko"],
  ] as const)
    it(`${width} px, ${lang}: every preset with an image, cut anywhere inside the banner, shifts nothing`, async () => {
      const shifts = await cutsThatShift(
        h,
        width,
        lang,
        presets.map((c) => c.id),
        CUTS,
        {
          prepare: (page) => serveWideImage(page),
          loaded: async (page) => expect(await imageNaturalWidth(page)).toBe(300),
        },
      );
      expect(shifts).toEqual([]);
    }, 180_000);
});
