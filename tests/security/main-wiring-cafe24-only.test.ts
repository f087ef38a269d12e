// The real composition root with Cafe24's credentials alone: a production app for Cafe24 malls. No demo store,
// simulator or /preview beside it, no Shopify route answering with made-up credentials, and an admin API that
// takes only a Cafe24 admin token (the demo's fixed shop would hand any visitor a dashboard).
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/src/config.js";
import { createDb } from "../../server/src/db/create-db.js";
import { type RunningApp, startApp } from "../../server/src/main.js";
import { signCafe24AdminToken } from "../../server/src/platforms/cafe24/admin-token.js";
import { sessionToken } from "../http/admin/fixtures.js";

const MALL = "dangolmall";
const SECRET = "cafe24-secret";

describe("startApp with only CAFE24_* set: production for Cafe24, nothing of the demo", () => {
  let dir: string;
  let app: RunningApp;
  let base: string;
  const withDb = async <T>(use: (db: ReturnType<typeof createDb>["db"]) => Promise<T>): Promise<T> => {
    const { db } = createDb(app.config.database);
    try {
      return await use(db);
    } finally {
      await db.destroy();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "dangol-cafe24-only-"));
    const config = loadConfig(
      {
        CAFE24_CLIENT_ID: "cafe24-client",
        CAFE24_CLIENT_SECRET: SECRET,
        CAFE24_APP_URL: "https://dangol.example.com",
        CAFE24_WEBHOOK_KEY: "the-webhook-key",
      },
      dir,
    );
    expect(config).toMatchObject({ mode: "production", host: "0.0.0.0", shopify: null });
    app = await startApp({ ...config, host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("starts no demo store: no shop row, no /preview, no Shopify app proxy", async () => {
    expect(await withDb((db) => db.selectFrom("shops").select("shop_domain").execute())).toEqual([]);
    // /preview falls through to the admin's SPA shell; the demo preview would serve its own privacy API script.
    const previewScript = await fetch(`${base}/preview/shopify/customer-privacy.js`);
    expect(previewScript.headers.get("content-type")).not.toMatch(/javascript/);
    const proxy = await fetch(`${base}/apps/dangol/decision?shop=demo-dangol.myshopify.com`);
    expect(proxy.headers.get("content-type")).not.toMatch(/json/);
  });

  it("refuses the admin API without a token and with a Shopify session token (401)", async () => {
    expect((await fetch(`${base}/api/dashboard`)).status).toBe(401);
    const shopify = await sessionToken("demo-dangol.myshopify.com");
    const res = await fetch(`${base}/api/dashboard`, { headers: { Authorization: `Bearer ${shopify}` } });
    expect(res.status).toBe(401);
  });

  it("serves an installed mall's admin with its Cafe24 admin token, over https-only headers", async () => {
    await withDb((db) =>
      db
        .insertInto("shops")
        .values({
          shop_domain: MALL,
          platform: "cafe24",
          installed_at: new Date().toISOString(),
          uninstalled_at: null,
          settings: JSON.stringify({ language: "ko" }),
        })
        .execute(),
    );
    const token = await signCafe24AdminToken(MALL, SECRET);
    const headers = { Authorization: `Bearer ${token}` };
    const settings = await fetch(`${base}/api/settings`, { headers });
    expect(settings.status).toBe(200);
    expect(await settings.json()).toMatchObject({ shop: MALL });
    expect((await fetch(`${base}/api/dashboard`, { headers })).status).toBe(200);
    expect(settings.headers.get("strict-transport-security")).toMatch(/max-age=/);
    expect(settings.headers.get("content-security-policy")).toBe("frame-ancestors 'self';");
  });
});
