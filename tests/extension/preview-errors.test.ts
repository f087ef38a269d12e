import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/src/http/app.js";
import { previewRoutes } from "../../server/src/storefront-preview/preview.routes.js";

// /preview with a customer that does not exist or an id that cannot be one: a page that says so (and offers the
// customers that can be previewed), never the API's JSON error with the validation regex in it.
describe("GET /preview with a bad customer", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const handler = previewRoutes({
      shop: "demo.myshopify.com",
      loadCustomer: async () => null,
      loadDecision: async () => null,
      listPicks: async () => [{ id: "c-1", name: "Minji Kim", label: { en: "due to re-order", ko: "재구매 시기" } }],
    });
    const app = createApp({ db: undefined as never, dbKind: "sqlite", mounts: [{ path: "/preview", handler }] });
    server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  async function page(query: string) {
    const res = await fetch(`${base}/preview?${query}`);
    return { status: res.status, type: res.headers.get("content-type") ?? "", html: await res.text() };
  }

  it("answers an unknown customer with a 404 page that names it and links back", async () => {
    const { status, type, html } = await page("customer=nobody");
    expect(status).toBe(404);
    expect(type).toMatch(/text\/html/);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>No such customer</h1>");
    expect(html).toContain("<bdi>nobody</bdi>");
    expect(html).toContain('href="/preview?lang=en"');
    expect(html).toContain('href="/preview?customer=c-1&amp;lang=en"');
    expect(html).not.toMatch(/"error"|regex|A-Za-z0-9/);
  });

  it("speaks Korean with ?lang=ko", async () => {
    const { status, html } = await page("customer=nobody&lang=ko");
    expect(status).toBe(404);
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain("<h1>고객을 찾을 수 없습니다</h1>");
    expect(html).toContain('href="/preview?customer=c-1&amp;lang=ko"');
  });

  it("answers an id that cannot be a customer id with a 400 page, escaped", async () => {
    const { status, type, html } = await page(`customer=${encodeURIComponent("<script>alert(1)</script>")}&lang=ko`);
    expect(status).toBe(400);
    expect(type).toMatch(/text\/html/);
    expect(html).toContain("<h1>올바르지 않은 고객 ID</h1>");
    expect(html).toMatch(/&(lt|#60);script&(gt|#62);/);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toMatch(/A-Za-z0-9|"error"/);
  });

  it("answers an unknown language with a 400 page in English", async () => {
    const { status, html } = await page("lang=fr");
    expect(status).toBe(400);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>Unsupported language</h1>");
  });
});
