import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { serveWebUi } from "./web-ui-servers.js";

const dist = mkdtempSync(path.join(os.tmpdir(), "dist-"));
mkdirSync(path.join(dist, "assets"));
writeFileSync(
  path.join(dist, "index.html"),
  "<!doctype html><html><head><title>Dangol</title></head><body></body></html>",
);
writeFileSync(path.join(dist, "extra.html"), "<!doctype html><html><body>extra</body></html>");
writeFileSync(path.join(dist, "assets/app.js"), "console.log(1)");

const EMBEDDED_CSP = "frame-ancestors https://cool-shop.myshopify.com https://admin.shopify.com;";

// The admin UI as main.ts mounts it: behind createApp, whose security headers apply to every response.
describe("admin UI serving", () => {
  const ui = serveWebUi(dist);

  it("demo mode: serves index.html for client routes, without App Bridge", async () => {
    const html = await (await fetch(`${ui.demo.url}/customers/42`)).text();
    expect(html).toContain("<title>Dangol</title>");
    expect(html).not.toContain("app-bridge.js");
    expect(await (await fetch(`${ui.demo.url}/assets/app.js`)).text()).toBe("console.log(1)");
  });

  it("Shopify mode: injects App Bridge and the API key, and only the shop's admin may frame it", async () => {
    const res = await fetch(`${ui.embedded.url}/?shop=cool-shop.myshopify.com&host=x`);
    const html = await res.text();
    expect(html).toContain('<meta name="shopify-api-key" content="abc123" />');
    expect(html.indexOf("app-bridge.js")).toBeLessThan(html.indexOf("<title>"));
    expect(res.headers.get("content-security-policy")).toBe(EMBEDDED_CSP);
  });

  it("ignores a shop parameter that is not a myshopify domain in the CSP", async () => {
    const res = await fetch(`${ui.embedded.url}/?shop=evil.example.com`);
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors https://admin.shopify.com;");
  });

  it("a direct /index.html is the same shell with the same frame-ancestors (it bypassed both through the static files)", async () => {
    const res = await fetch(`${ui.embedded.url}/index.html?shop=cool-shop.myshopify.com`);
    expect(res.headers.get("content-security-policy")).toBe(EMBEDDED_CSP);
    expect(await res.text()).toContain('<meta name="shopify-api-key" content="abc123" />');
  });

  it("every HTML response carries frame-ancestors, in both modes", async () => {
    for (const p of ["/index.html", "/extra.html", "/", "/customers"]) {
      const embeddedRes = await fetch(`${ui.embedded.url}${p}?shop=cool-shop.myshopify.com`);
      expect(embeddedRes.headers.get("content-type"), p).toMatch(/text\/html/);
      expect(embeddedRes.headers.get("content-security-policy"), p).toBe(EMBEDDED_CSP);
      expect((await fetch(`${ui.demo.url}${p}`)).headers.get("content-security-policy"), p).toBe(
        "frame-ancestors 'self';",
      );
    }
  });

  it("every response says nosniff; HSTS only in Shopify mode (served over https)", async () => {
    for (const p of ["/", "/assets/app.js", "/api/nothing", "/healthz"]) {
      const embeddedRes = await fetch(`${ui.embedded.url}${p}`);
      expect(embeddedRes.headers.get("x-content-type-options"), p).toBe("nosniff");
      expect(embeddedRes.headers.get("strict-transport-security"), p).toBe("max-age=31536000");
      const demoRes = await fetch(`${ui.demo.url}${p}`);
      expect(demoRes.headers.get("x-content-type-options"), p).toBe("nosniff");
      expect(demoRes.headers.get("strict-transport-security"), p).toBeNull();
    }
  });

  it("never answers /api/* with the SPA", async () => {
    expect((await fetch(`${ui.demo.url}/api/nothing`)).status).toBe(404);
  });
});
