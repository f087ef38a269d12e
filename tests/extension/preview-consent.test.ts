// The /preview's privacy region: it loads the emulated Customer Privacy API with the region's setting, shows the
// cookie banner only where consent is required, keeps the region in its links, and refuses an unknown region.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewRoutes } from "../../server/src/storefront-preview/preview.routes.js";
import { SHOP } from "../browser/engine-fixtures.js";

describe("GET /preview privacy region", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(
      "/preview",
      previewRoutes({
        shop: SHOP,
        loadCustomer: async () => undefined,
        loadDecision: async () => undefined,
        listPicks: async () => [{ id: "c-1", name: "Minji", label: { en: "due", ko: "재구매" } }],
      }),
    );
    server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/preview`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("defaults to a region that needs no consent", async () => {
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain('src="/preview/shopify/customer-privacy.js" data-consent-required="false" defer');
    expect(html).not.toContain("region=eu&amp;");
    expect(html).toMatch(/<div class="preview-consent" id="preview-consent"[^>]* hidden>/);
  });

  it("region=eu needs consent and every link keeps the region", async () => {
    const html = await (await fetch(`${base}/?region=eu&lang=ko`)).text();
    expect(html).toContain('data-consent-required="true"');
    expect(html).toContain('href="?customer=c-1&amp;lang=ko&amp;region=eu"');
    expect(html).toContain('href="?lang=ko&amp;region=eu"');
    expect(html).toContain("분석을 허용하시겠습니까?");
  });

  it("serves the emulated API as JavaScript before the extension's script", async () => {
    const res = await fetch(`${base}/shopify/customer-privacy.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("javascript");
    const js = await res.text();
    for (const name of ["loadFeatures", "analyticsProcessingAllowed", "setTrackingConsent", "visitorConsentCollected"])
      expect(js).toContain(name);
    const html = await (await fetch(`${base}/`)).text();
    expect(html.indexOf("customer-privacy.js")).toBeLessThan(html.indexOf("dangol.js"));
  });

  it("refuses an unknown region with a page that says so", async () => {
    const res = await fetch(`${base}/?region=mars`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Unknown privacy region");
  });
});
