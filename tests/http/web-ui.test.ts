import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { webUiRoutes } from "../../server/src/http/web-ui.js";

const dist = mkdtempSync(path.join(os.tmpdir(), "dist-"));
mkdirSync(path.join(dist, "assets"));
writeFileSync(path.join(dist, "index.html"), "<!doctype html><html><head><title>Dangol</title></head><body></body></html>");
writeFileSync(path.join(dist, "assets/app.js"), "console.log(1)");

function serve(options: { shopifyApiKey?: string }) {
  const app = express().use(webUiRoutes(dist, options));
  const server = app.listen(0);
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("admin UI serving", () => {
  let demo: { server: Server; base: string };
  let embedded: { server: Server; base: string };
  beforeAll(() => {
    demo = serve({});
    embedded = serve({ shopifyApiKey: "abc123" });
  });
  afterAll(() => {
    demo.server.close();
    embedded.server.close();
  });

  it("demo mode: serves index.html for client routes, without App Bridge", async () => {
    const html = await (await fetch(`${demo.base}/customers/42`)).text();
    expect(html).toContain("<title>Dangol</title>");
    expect(html).not.toContain("app-bridge.js");
    expect(await (await fetch(`${demo.base}/assets/app.js`)).text()).toBe("console.log(1)");
  });

  it("Shopify mode: injects App Bridge and the API key, and only the shop's admin may frame it", async () => {
    const res = await fetch(`${embedded.base}/?shop=cool-shop.myshopify.com&host=x`);
    const html = await res.text();
    expect(html).toContain('<meta name="shopify-api-key" content="abc123" />');
    expect(html.indexOf("app-bridge.js")).toBeLessThan(html.indexOf("<title>"));
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors https://cool-shop.myshopify.com https://admin.shopify.com;");
  });

  it("ignores a shop parameter that is not a myshopify domain in the CSP", async () => {
    const res = await fetch(`${embedded.base}/?shop=evil.example.com`);
    expect(res.headers.get("content-security-policy")).toBe("frame-ancestors https://admin.shopify.com;");
  });

  it("never answers /api/* with the SPA", async () => {
    expect((await fetch(`${demo.base}/api/nothing`)).status).toBe(404);
  });
});
