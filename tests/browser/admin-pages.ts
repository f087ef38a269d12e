// Every admin page, and a Chromium page that shows the admin in a chosen language and size (shared by the
// accessibility test, the layout test and the screenshot script).
import type { Browser, Page } from "playwright-core";

/** One path per admin page: dashboard, customers, a customer, campaigns, a campaign's editor, sync and settings. */
export const ADMIN_PAGES = ["/", "/customers", "/customers/a1", "/campaigns", "/campaigns/win_back", "/settings"];
export const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;
export type Size = keyof typeof SIZES;

/** A page whose admin comes up in `language` (the saved setting, as the server would return it). */
export async function adminPage(browser: Browser, language: "en" | "ko", size: Size): Promise<Page> {
  const phone = size === "phone";
  const page = await browser.newPage({ viewport: SIZES[size], locale: language, isMobile: phone, hasTouch: phone });
  await page.route("**/api/settings", (route) =>
    route.request().method() === "GET" ? route.fulfill({ json: { language } }) : route.continue(),
  );
  return page;
}

/**
 * Opens a path and waits until its data has arrived: heading drawn, no skeleton left, no request in flight.
 * On a page already showing the admin it navigates in the app (as a link would), without reloading the bundle.
 */
export async function openAdmin(page: Page, url: string): Promise<void> {
  trackApiCalls(page);
  const target = new URL(url);
  if (page.url().startsWith(target.origin)) {
    await page.evaluate(async (path) => {
      window.history.pushState(null, "", path);
      window.dispatchEvent(new PopStateEvent("popstate"));
      // React renders the new route (its skeleton first) before these frames are drawn.
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }, target.pathname + target.search);
  } else {
    await page.goto(url);
  }
  await page.locator("h1").first().waitFor({ state: "attached" });
  await page.waitForFunction(() => !document.querySelector("[class*='Polaris-Skeleton']"), null, { timeout: 20_000 });
  // "networkidle" is the document's load state: after an in-app navigation it is already reached, so the page's
  // own API calls (the editor's preview, the sync status) are waited for here.
  await apiQuiet(page);
  // Charts measure their box, then draw on the next frames.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const inFlight = new WeakMap<Page, Set<unknown>>();

/** Counts the page's API requests still unanswered (from now on; once per page). */
function trackApiCalls(page: Page): void {
  if (inFlight.has(page)) return;
  const pending = new Set<unknown>();
  inFlight.set(page, pending);
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/api/")) pending.add(r);
  });
  page.on("requestfinished", (r) => pending.delete(r));
  page.on("requestfailed", (r) => pending.delete(r));
}

/** Resolves once no API request has been unanswered for `quietMs` (a debounced request starts within it). */
async function apiQuiet(page: Page, quietMs = 600, timeoutMs = 20_000): Promise<void> {
  const pending = inFlight.get(page) ?? new Set();
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    if (Date.now() > deadline) throw new Error(`API requests still unanswered after ${timeoutMs} ms`);
    if (pending.size > 0) quietSince = Date.now();
    await page.waitForTimeout(50);
  }
}
