import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { serveWebUi } from "./web-ui-servers.js";

// A dist as web/vite.config.ts writes it: hashed assets with .br and .gz twins, an unhashed file, the shell.
const dist = mkdtempSync(path.join(os.tmpdir(), "dist-"));
const JS = `export const answer = ${JSON.stringify("x".repeat(4000))};`;
mkdirSync(path.join(dist, "assets"));
writeFileSync(
  path.join(dist, "index.html"),
  '<!doctype html><html><head><script src="/assets/index-AbC_d-12.js"></script></head></html>',
);
writeFileSync(path.join(dist, "assets/index-AbC_d-12.js"), JS);
writeFileSync(path.join(dist, "assets/index-AbC_d-12.js.br"), brotliCompressSync(JS));
writeFileSync(path.join(dist, "assets/index-AbC_d-12.js.gz"), gzipSync(JS));
writeFileSync(path.join(dist, "assets/style-Zz9Yy8Xx.css"), "body{color:red}");
writeFileSync(path.join(dist, "assets/app.js"), "console.log(1)");

const IMMUTABLE = /^public, max-age=31536000, immutable$/;

/** Raw HTTP (fetch would decode the body and hide Content-Encoding from us). */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("admin UI assets: precompressed and cached by their hash", () => {
  const ui = serveWebUi(dist);

  it("sends brotli to a browser that takes it, cached for a year as immutable", async () => {
    const res = await get(`${ui.demo.url}/assets/index-AbC_d-12.js`, { "accept-encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers["cache-control"]).toMatch(IMMUTABLE);
    expect(res.body.length).toBeLessThan(JS.length / 10);
    expect(brotliDecompressSync(res.body).toString()).toBe(JS);
  });

  it("gzip when brotli is not accepted (or refused with q=0), the plain file when neither is", async () => {
    for (const accept of ["gzip", "br;q=0, gzip"]) {
      const res = await get(`${ui.demo.url}/assets/index-AbC_d-12.js`, { "accept-encoding": accept });
      expect(res.headers["content-encoding"], accept).toBe("gzip");
      expect(gunzipSync(res.body).toString()).toBe(JS);
      expect(res.headers["cache-control"]).toMatch(IMMUTABLE);
    }
    const plain = await get(`${ui.demo.url}/assets/index-AbC_d-12.js`, { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(JS);
    expect(plain.headers["cache-control"]).toMatch(IMMUTABLE);
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
  });

  it("a hashed asset without a compressed twin is sent as is, still immutable", async () => {
    const res = await get(`${ui.demo.url}/assets/style-Zz9Yy8Xx.css`, { "accept-encoding": "br" });
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-type"]).toMatch(/^text\/css/);
    expect(res.headers["cache-control"]).toMatch(IMMUTABLE);
  });

  it("the shell and anything unhashed revalidate on every visit", async () => {
    for (const p of ["/", "/index.html", "/customers/42", "/assets/app.js"]) {
      for (const base of [ui.demo.url, ui.embedded.url]) {
        const res = await get(`${base}${p}`, { "accept-encoding": "br, gzip" });
        expect(res.status, p).toBe(200);
        expect(res.headers["cache-control"], p).toBe("no-cache");
      }
    }
  });

  it("a removed asset is a 404, not the HTML shell under a .js name", async () => {
    const res = await get(`${ui.demo.url}/assets/index-Gone1234.js`, { "accept-encoding": "br" });
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).not.toMatch(/html/);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect((await get(`${ui.demo.url}/assets/..%2f..%2fetc%2fpasswd`, { "accept-encoding": "br" })).status).toBe(404);
  });

  it("compressed assets keep the security headers", async () => {
    const res = await get(`${ui.embedded.url}/assets/index-AbC_d-12.js?shop=cool-shop.myshopify.com`, {
      "accept-encoding": "br",
    });
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(res.headers["content-security-policy"]).toBe(
      "frame-ancestors https://cool-shop.myshopify.com https://admin.shopify.com;",
    );
  });
});
