// Beacons and Shopify's Customer Privacy API, as the /preview emulates it: where the visitor's region needs consent,
// no beacon leaves the page before "accept", the queued ones leave after it, and none after "decline"; without the
// API nothing is sent. The banner itself (personalisation of the shopper's own page) shows in every case.
import { existsSync } from "node:fs";
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerIdFor, decideFor, duePrediction } from "./engine-fixtures.js";
import { CHROMIUM, launchChromium, startPreviewServer, type PreviewServer } from "./storefront-server.js";

const now = new Date();
const due = { id: customerIdFor("replenishment", false, "consent-"), firstName: "Minji" };

describe.skipIf(!existsSync(CHROMIUM))("storefront beacons wait for consent (Chromium)", () => {
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreviewServer([
      {
        customer: { id: due.id, firstName: due.firstName, lastName: "Kim", email: null },
        decision: decideFor({ ...due, now, prediction: duePrediction(due.id, now) }),
        label: { en: "due", ko: "재구매" },
      },
    ]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the preview, recording every beacon request the page issues (whether or not it reaches the server). */
  async function open(region: "none" | "eu", initScript?: string): Promise<{ page: Page; sent: Request[] }> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    if (initScript) await page.addInitScript(initScript);
    const sent: Request[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/apps/dangol/events")) sent.push(r);
    });
    await page.goto(`${server.url}/preview?customer=${encodeURIComponent(due.id)}&region=${region}`, {
      waitUntil: "load",
    });
    return { page, sent };
  }

  /**
   * Waits until the page has done what it does on its own (script run, privacy API loaded, the banner's
   * impression observed), then sends a sentinel beacon and waits for its request: every beacon the page issued
   * before has been reported by then. The control test shows this is long enough for beacons to leave.
   */
  async function settle(page: Page): Promise<void> {
    await page.evaluate(async () => {
      const w = window as unknown as { Shopify?: { customerPrivacy?: unknown } };
      const tick = () => new Promise((r) => setTimeout(r, 10));
      for (let i = 0; i < 200 && !(customElements.get("dangol-slot") && w.Shopify?.customerPrivacy); i++) await tick();
      await tick();
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
      await tick();
    });
    const sentinel = page.waitForEvent("request", (r) => r.url().endsWith("/sentinel"));
    await page.evaluate(() => navigator.sendBeacon("/sentinel", "x"));
    await sentinel;
  }

  // sendBeacon's Blob body is not exposed on the request: what was sent is read where it arrived.
  const kinds = () => server.beacons.map((b) => b.kind).sort();
  const consentBanner = (page: Page) => page.locator("#preview-consent");

  it("control: where no consent is needed, visit and impression leave at once and no consent banner shows", async () => {
    server.beacons.length = 0;
    const { page, sent } = await open("none");
    await settle(page);
    expect(sent).toHaveLength(2);
    await expect.poll(kinds).toEqual(["impression", "visit"]);
    expect(await consentBanner(page).isVisible()).toBe(false);
    await page.context().close();
  });

  it("where consent is needed: nothing leaves before it, the queued visit and impression leave after 'accept'", async () => {
    server.beacons.length = 0;
    const { page, sent } = await open("eu");
    await settle(page);
    expect(await consentBanner(page).isVisible()).toBe(true);
    expect(await page.locator("dangol-slot.dangol-banner").isVisible()).toBe(true);
    expect(sent).toEqual([]);
    expect(server.beacons).toEqual([]);

    await consentBanner(page).getByRole("button", { name: "Accept" }).click();
    await expect.poll(kinds).toEqual(["impression", "visit"]);
    expect(sent).toHaveLength(2);
    expect(await consentBanner(page).isVisible()).toBe(false);

    // The choice is remembered: the next page sends at once, without asking again.
    sent.length = 0;
    server.beacons.length = 0;
    await page.reload({ waitUntil: "load" });
    await settle(page);
    expect(sent).toHaveLength(1);
    await expect.poll(kinds).toEqual(["impression"]); // the visit counts once a day
    expect(await consentBanner(page).isVisible()).toBe(false);
    await page.context().close();
  });

  it("after 'decline' nothing leaves, not even for a dismissal, and the banner still works", async () => {
    server.beacons.length = 0;
    const { page, sent } = await open("eu");
    await settle(page);
    await consentBanner(page).getByRole("button", { name: "Decline" }).click();
    await expect.poll(() => consentBanner(page).isVisible()).toBe(false);
    await page.locator(".dangol-banner .dangol-slot__close").click();
    await expect.poll(() => page.locator("dangol-slot.dangol-banner").isVisible()).toBe(false);
    await settle(page);
    expect(sent).toEqual([]);
    expect(server.beacons).toEqual([]);
    await page.context().close();
  });

  it("without the Customer Privacy API (an old theme) nothing is sent, even where no consent would be needed", async () => {
    // The emulation cannot install window.Shopify: the page looks like a storefront without the API.
    const { page, sent } = await open("none", "Object.defineProperty(window, 'Shopify', { value: undefined });");
    await page.evaluate(async () => {
      for (let i = 0; i < 200 && !customElements.get("dangol-slot"); i++) await new Promise((r) => setTimeout(r, 10));
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
    });
    const sentinel = page.waitForEvent("request", (r) => r.url().endsWith("/sentinel"));
    await page.evaluate(() => navigator.sendBeacon("/sentinel", "x"));
    await sentinel;
    expect(await page.locator("dangol-slot.dangol-banner").isVisible()).toBe(true);
    expect(sent).toEqual([]);
    await page.context().close();
  });
});
