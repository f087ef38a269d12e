// Variant b's image in the banner, for the image layout tests: a 3:1 file, so a box sized from the file (not
// the CSS) would be short and wide.
import type { Page } from "playwright-core";
import { bannerPresetCustomers } from "./storefront-presets.js";

export const VARIANT_IMAGE = "https://cdn.shopify.com/s/files/1/dangol-test/variant-b.svg";
export const WIDE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><rect width="300" height="100" fill="#c63"/></svg>`;

/** Every banner preset showing variant b with the image; ids end in `suffix` so each test's customers differ. */
export function presetsWithImage(now: Date, suffix: string) {
  return Object.entries(bannerPresetCustomers(now)).map(([key, c]) => ({
    key,
    ...c,
    id: `${c.id}${suffix}`,
    decision: {
      ...c.decision,
      banner: c.decision.banner && { ...c.decision.banner, variant: "b", imageUrl: VARIANT_IMAGE },
    },
  }));
}

/** Serves the image file, after `held` when given (so it lands after the first layout). */
export const serveWideImage = (page: Page, held?: Promise<void>) =>
  page.route(VARIANT_IMAGE, async (route) => {
    await held;
    await route.fulfill({ contentType: "image/svg+xml", body: WIDE_SVG });
  });

export const imageNaturalWidth = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLImageElement>(".dangol-banner__image")?.naturalWidth);
