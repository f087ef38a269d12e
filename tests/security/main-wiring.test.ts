// The real composition root (startApp from server/src/main.ts) in Shopify mode: every input path rejects what is
// unsigned, forged, expired or meant for another app, and nothing reaches the network before a shop installs.
import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Session } from "@shopify/shopify-api";
import { loadConfig } from "../../server/src/config.js";
import { startApp, type RunningApp } from "../../server/src/main.js";
import { createDb } from "../../server/src/db/create-db.js";
import { upsertInstalledShop } from "../../server/src/db/repositories/shop.repository.js";
import { countWebhookEvents } from "../../server/src/db/repositories/webhook-event.repository.js";
import { countCampaignEvents } from "../../server/src/db/repositories/campaign-event.repository.js";
import { KyselySessionStorage } from "../../server/src/platforms/shopify/kysely-session-storage.js";
import { sessionToken as signedToken } from "../http/admin/fixtures.js";
import { signProxyQuery } from "../http/app-proxy-signing.js";

const API_KEY = "test-api-key"; // the fixtures' session tokens are issued for this key
const API_SECRET = "test-api-secret";
const SHOP = "alpha.myshopify.com";

/** Every admin route main.ts mounts under /api, plus an unknown one (auth runs before routing). */
const ADMIN_ROUTES: Array<[method: string, path: string, body?: unknown]> = [
  ["GET", "/api/sync/status"],
  ["GET", "/api/dashboard"],
  ["GET", "/api/customers"],
  ["GET", "/api/customers/c1"],
  ["GET", "/api/settings"],
  ["PUT", "/api/settings", { language: "ko" }],
  ["GET", "/api/model/backtest"],
  ["GET", "/api/campaigns"],
  ["PATCH", "/api/campaigns/win_back", { enabled: true }],
  ["GET", "/api/campaigns/win_back/results"],
  ["GET", "/api/campaigns/win_back/preview"],
  ["GET", "/api/no-such-route"],
  ["GET", "/API/dashboard"],
];

describe("startApp in Shopify mode: the wiring rejects every unauthenticated input", () => {
  let dir: string;
  let app: RunningApp;
  let base: string;
  const outbound: string[] = [];
  const realFetch = globalThis.fetch;

  const now = () => Math.floor(Date.now() / 1000);
  const token = (overrides: Record<string, unknown> = {}, secret = API_SECRET) => signedToken(SHOP, overrides, secret);
  const call = (
    method: string,
    url: string,
    init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    realFetch(`${base}${url}`, {
      method,
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  beforeAll(async () => {
    // Anything the server itself fetches (token exchange, GraphQL) goes through globalThis.fetch: record it.
    globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      outbound.push(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
      return realFetch(input, init);
    }) as typeof fetch;
    dir = mkdtempSync(path.join(tmpdir(), "dangol-wiring-"));
    const config = loadConfig(
      { SHOPIFY_API_KEY: API_KEY, SHOPIFY_API_SECRET: API_SECRET, SHOPIFY_APP_URL: "https://dangol.example.com" },
      dir,
    );
    expect(config.mode).toBe("production");
    expect(config.database).toEqual({ kind: "sqlite", filename: path.join(dir, "data", "dangol.sqlite") });
    app = await startApp({ ...config, port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    globalThis.fetch = realFetch;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe("admin API /api/*", () => {
    const badTokens: Array<[string, () => Promise<string | undefined>]> = [
      ["no token", async () => undefined],
      ["a forged signature", () => token({}, "not-the-secret")],
      ["an expired token", () => token({ exp: now() - 60, nbf: now() - 120, iat: now() - 120 })],
      ["a token for another app (aud)", () => token({ aud: "another-app" })],
      ["a token not valid yet (nbf)", () => token({ nbf: now() + 120 })],
      [
        "a dest that is not a shop",
        () => token({ dest: "https://evil.example.com", iss: "https://evil.example.com/admin" }),
      ],
    ];

    it.each(badTokens)("answers 401 to %s on every route", async (_name, make) => {
      const t = await make();
      for (const [method, url, body] of ADMIN_ROUTES) {
        const res = await call(method, url, { token: t, body });
        expect(res.status, `${method} ${url}`).toBe(401);
        const json = await res.json();
        expect(json.error.code, `${method} ${url}`).toBe("Unauthorized");
        expect(JSON.stringify(json)).not.toMatch(/\.ts:\d+|at .+\(/);
      }
    });

    it("ignores a shop named in the query, a body or a header: only the token decides", async () => {
      for (const [method, url] of ADMIN_ROUTES) {
        const res = await call(method, `${url}?shop=${SHOP}`, { headers: { "x-shopify-shop-domain": SHOP } });
        expect(res.status, `${method} ${url}`).toBe(401);
      }
    });

    it("serves a valid token for an installed shop, scoped to that shop, without calling Shopify", async () => {
      // Installed already (an offline session exists), so the install-on-first-request step has nothing to do.
      const { db } = createDb(app.config.database);
      try {
        await upsertInstalledShop(db, SHOP, "shopify", new Date());
        await new KyselySessionStorage(db).storeSession(
          new Session({
            id: `offline_${SHOP}`,
            shop: SHOP,
            state: "",
            isOnline: false,
            accessToken: "shpat_x",
            scope: "read_orders",
          }),
        );
      } finally {
        await db.destroy();
      }
      const t = await token();
      const settings = await call("GET", "/api/settings", { token: t });
      expect(settings.status).toBe(200);
      expect((await settings.json()).shop).toBe(SHOP);
      expect((await call("GET", "/api/sync/status", { token: t })).status).toBe(200);
      expect((await call("GET", "/api/campaigns", { token: t })).status).toBe(200);
      expect(outbound).toEqual([]);
    });
  });

  describe("app proxy /apps/dangol/*", () => {
    const params = (timestamp = now()) => ({
      shop: SHOP,
      logged_in_customer_id: "111",
      path_prefix: "/apps/dangol",
      timestamp: String(timestamp),
    });

    it.each([
      ["unsigned", () => new URLSearchParams(params())],
      ["forged", () => signProxyQuery(params(), "not-the-secret")],
      ["stale (5 minutes old)", () => signProxyQuery(params(now() - 300), API_SECRET)],
      [
        "re-signed for another customer",
        () =>
          new URLSearchParams({
            ...Object.fromEntries(signProxyQuery(params(), API_SECRET)),
            logged_in_customer_id: "222",
          }),
      ],
    ])("answers 401 to a %s request and stores nothing", async (_name, query) => {
      const decision = await call("GET", `/apps/dangol/decision?${query()}`);
      expect(decision.status).toBe(401);
      const events = await realFetch(`${base}/apps/dangol/events?${query()}`, {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: JSON.stringify({ kind: "impression", campaign: "win_back" }),
      });
      expect(events.status).toBe(401);
      const { db } = createDb(app.config.database);
      try {
        expect(await countCampaignEvents(db, SHOP, "win_back")).toEqual({});
      } finally {
        await db.destroy();
      }
    });

    it("answers 404 to a signed request for a path the proxy does not serve (not the admin UI shell)", async () => {
      for (const url of ["/apps/dangol/nope", "/apps/dangol/", "/apps/dangol/decision/extra"]) {
        const res = await call("GET", `${url}?${signProxyQuery(params(), API_SECRET)}`);
        expect(res.status, url).toBe(404);
        expect(res.headers.get("content-type"), url).toMatch(/application\/json/);
      }
    });

    it("answers a correctly signed request (so the 401s above are the signature, not the route)", async () => {
      const res = await call("GET", `/apps/dangol/decision?${signProxyQuery(params(), API_SECRET)}`);
      expect(res.status).toBe(200);
      expect((await res.json()).customerId).toBe("111");
    });
  });

  describe("webhooks POST /api/webhooks", () => {
    const body = JSON.stringify({ id: 1, myshopify_domain: SHOP });
    const headers = (hmac: string) => ({
      "content-type": "application/json",
      "x-shopify-topic": "app/uninstalled",
      "x-shopify-shop-domain": SHOP,
      "x-shopify-webhook-id": "wh-forged-1",
      "x-shopify-api-version": "2026-07",
      "x-shopify-hmac-sha256": hmac,
    });

    it.each([
      ["a forged HMAC", createHmac("sha256", "not-the-secret").update(body).digest("base64")],
      ["a missing HMAC", ""],
      ["an HMAC of another body", createHmac("sha256", API_SECRET).update("{}").digest("base64")],
    ])("answers 401 to %s and stores nothing", async (_name, hmac) => {
      const res = await realFetch(`${base}/api/webhooks`, { method: "POST", headers: headers(hmac), body });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("Unauthorized");
      const { db } = createDb(app.config.database);
      try {
        expect(await countWebhookEvents(db, SHOP)).toBe(0);
      } finally {
        await db.destroy();
      }
    });
  });

  describe("response headers", () => {
    it("every answer says nosniff and HSTS; the admin shell may be framed only by the shop's admin", async () => {
      for (const url of [
        "/?shop=alpha.myshopify.com",
        "/index.html?shop=alpha.myshopify.com",
        "/api/dashboard",
        "/healthz",
      ]) {
        const res = await call("GET", url);
        expect(res.headers.get("x-content-type-options"), url).toBe("nosniff");
        expect(res.headers.get("strict-transport-security"), url).toBe("max-age=31536000");
        if (!url.startsWith("/api") && url !== "/healthz") {
          expect(res.headers.get("content-security-policy"), url).toBe(
            `frame-ancestors https://${SHOP} https://admin.shopify.com;`,
          );
        }
      }
    });
  });

  describe("demo-only surfaces", () => {
    it("does not serve the storefront preview", async () => {
      // Unknown paths fall through to the admin UI's SPA shell when web/dist is built (404 otherwise); either
      // way it is never the preview page or the extension's script.
      const extensionJs = readFileSync(
        path.join(import.meta.dirname, "../../extensions/dangol-banner/assets/dangol.js"),
        "utf8",
      );
      for (const url of ["/preview", "/preview?customer=111", "/preview/assets/dangol.js"]) {
        const res = await call("GET", url);
        const text = await res.text();
        expect([200, 404], url).toContain(res.status);
        expect(text, url).not.toMatch(/shopify-section-hero|apps\/dangol\/events/);
        expect(text, url).not.toBe(extensionJs);
      }
    });

    it("has not called Shopify or any other host on its own", () => {
      expect(outbound).toEqual([]);
    });
  });
});
