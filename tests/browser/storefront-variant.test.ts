// Issue 14: the banner of an A/B/n test sends its variant with the impression and click beacons (read from
// data-variant), as the app proxy's strict schema accepts it; a banner without a test sends none.
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dueDecision } from "../extension/decision-fixtures.js";
import { CHROMIUM, launchChromium, startPreviewServer, type PreviewServer } from "./storefront-server.js";

const now = new Date();
const customer = (id: string) => ({ id, firstName: "Minji", lastName: "Kim", email: null });
const withVariant = { ...dueDecision(now, { variant: "b" }), customerId: "2001" };
const withoutVariant = { ...dueDecision(now), customerId: "2002" };

describe.skipIf(!existsSync(CHROMIUM))("storefront beacons carry the variant (Chromium)", () => {
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreviewServer([
      { customer: customer("2001"), decision: withVariant, label: { en: "b", ko: "b" } },
      { customer: customer("2002"), decision: withoutVariant, label: { en: "none", ko: "none" } },
    ]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The beacons one customer's page sends for its impression and a click on the call to action. */
  async function beaconsOf(id: string) {
    server.beacons.length = 0;
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    // The CTA would navigate away; the click handler runs before, so stop only the navigation.
    await page.route("**/cart/**", (route) => route.abort());
    await page.goto(`${server.url}/preview?customer=${id}&region=none`, { waitUntil: "load" });
    const kinds = () => server.beacons.map((b) => b.kind).sort();
    await expect.poll(kinds, { timeout: 30_000 }).toContain("impression");
    await page.locator("a.dangol-banner__cta").click({ noWaitAfter: true });
    await expect.poll(kinds, { timeout: 30_000 }).toContain("click");
    await context.close();
    return server.beacons.filter((b) => b.kind !== "visit") as Array<{ kind: string; variant?: string }>;
  }

  it("sends the variant with the impression and the click", async () => {
    const sent = await beaconsOf("2001");
    expect(sent.map((b) => [b.kind, b.variant]).sort()).toEqual([
      ["click", "b"],
      ["impression", "b"],
    ]);
  });

  it("sends no variant when the campaign has none", async () => {
    const sent = await beaconsOf("2002");
    expect(sent.map((b) => b.variant)).toEqual([undefined, undefined]);
  });
});
