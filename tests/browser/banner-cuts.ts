// Measuring a banner that reaches the shopper in two chunks (banner-harness.ts with streamed: true): the page is
// cut right after a marker, and the layout shift summed once all of it has arrived.
import type { Page } from "playwright-core";
import { type BannerHarness, layoutShift, previewPath, probedPage } from "./banner-harness.js";

export interface CutHooks {
  /** Before the page opens (e.g. routes for its images). */
  prepare?: (page: Page) => Promise<unknown>;
  /** Once it has loaded, before the shift is read (e.g. that its image did load). */
  loaded?: (page: Page) => Promise<unknown>;
}

export async function shiftWhenCut(
  h: BannerHarness,
  width: number,
  id: string,
  lang: string,
  cut: string,
  hooks: CutHooks = {},
): Promise<number> {
  const page = await probedPage(h.browser, width);
  await hooks.prepare?.(page);
  h.streamed!.cutAfter(cut);
  await page.goto(h.url + previewPath(id, lang), { waitUntil: "load" });
  await hooks.loaded?.(page);
  const shift = await layoutShift(page);
  await page.context().close();
  return shift;
}

/** Every id cut after every marker; lists the pages that shifted, e.g. "win-1 after __coupon">: 0.0050". */
export async function cutsThatShift(
  h: BannerHarness,
  width: number,
  lang: string,
  ids: string[],
  cuts: string[],
  hooks: CutHooks = {},
): Promise<string[]> {
  const shifts: string[] = [];
  for (const id of ids)
    for (const cut of cuts) {
      const shift = await shiftWhenCut(h, width, id, lang, cut, hooks);
      if (shift > 0) shifts.push(`${id} after ${cut}: ${shift.toFixed(4)}`);
    }
  return shifts;
}
