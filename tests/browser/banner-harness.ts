// The set-up the banner layout tests share: the preview server for their customers, Chromium and, for the
// streamed tests, streamed-page.ts in front of it; a page opens with the layout-shift probe installed.
import type { Browser, Page } from "playwright-core";
import type { LocalizedText, StorefrontDecision } from "../../server/src/domain/campaigns/storefront-decision.js";
import { LAYOUT_SHIFT_PROBE, launchChromium, type PreviewServer, startPreviewServer } from "./storefront-server.js";
import { type StreamedPage, startStreamedPage } from "./streamed-page.js";

export interface BannerCustomer {
  id: string;
  firstName: string;
  decision: StorefrontDecision | null;
}

/** A preview pick: the customer (surname Kim, no email) with its decision, labelled with its id unless told. */
export function previewEntry(c: BannerCustomer, label: LocalizedText = { en: c.id, ko: c.id }) {
  return { customer: { id: c.id, firstName: c.firstName, lastName: "Kim", email: null }, decision: c.decision, label };
}

export interface BannerHarness {
  server: PreviewServer;
  browser: Browser;
  streamed?: StreamedPage;
  /** Where pages open: the streamed front when there is one, else the preview server. */
  url: string;
  close(): Promise<void>;
}

export async function startBannerHarness(
  entries: Array<ReturnType<typeof previewEntry>>,
  options: { streamed?: boolean } = {},
): Promise<BannerHarness> {
  const server = await startPreviewServer(entries);
  let streamed: StreamedPage | undefined;
  try {
    if (options.streamed) streamed = await startStreamedPage(server.url);
    const browser = await launchChromium();
    const close = async () => {
      await browser.close();
      await streamed?.close();
      await server.close();
    };
    return { server, browser, streamed, url: streamed?.url ?? server.url, close };
  } catch (err) {
    await streamed?.close();
    await server.close();
    throw err;
  }
}

export const previewPath = (id: string, lang: string) => `/preview?customer=${encodeURIComponent(id)}&lang=${lang}`;

/** A page in a fresh context at this width (900 px tall) that sums its layout shifts (LAYOUT_SHIFT_PROBE). */
export async function probedPage(browser: Browser, width: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
  await page.addInitScript(LAYOUT_SHIFT_PROBE);
  return page;
}

export const layoutShift = (page: Page) =>
  page.evaluate(() => (window as unknown as { __dangolShift: number }).__dangolShift);
