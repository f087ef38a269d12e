// The admin API's Cafe24 login: after a signed app launch we hand the browser an HS256 token for exactly that
// mall (platforms/cafe24/admin-token.ts). It must read only its own mall, die after its hour, be refused when
// forged or signed with another secret, and never pass for a Shopify session token or the reverse. With one
// platform configured, only that platform's kind is accepted.
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/src/http/app.js";
import { adminAuth, adminRoutes } from "../../server/src/http/routes/admin/index.js";
import { signCafe24AdminToken } from "../../server/src/platforms/cafe24/admin-token.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { API_KEY, API_SECRET, listen, sessionToken, SHOP_A } from "../http/admin/fixtures.js";

const MALL_A = "mallalpha";
const MALL_B = "mallbeta";
const CAFE24_SECRET = "cafe24-client-secret";
const SHOPIFY = { apiKey: API_KEY, apiSecret: API_SECRET };
const CAFE24 = { clientSecret: CAFE24_SECRET };
const nowS = () => Math.floor(Date.now() / 1000);

/** A token with our Cafe24 claims, each overridable, signed with any secret. */
function craft(claims: Record<string, unknown>, secret = CAFE24_SECRET): Promise<string> {
  const iat = nowS();
  const base = { iss: "dangol-cafe24", aud: "dangol-admin", dest: MALL_A, platform: "cafe24", iat, nbf: iat };
  return new SignJWT({ ...base, exp: iat + 600, jti: "j1", ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(secret));
}

describe("admin API: Cafe24 admin tokens beside Shopify session tokens", () => {
  let db: TestDb;
  const servers: Record<"both" | "shopifyOnly" | "cafe24Only", { url: string; close(): Promise<void> }> = {} as never;

  beforeAll(async () => {
    db = await createTestDb();
    for (const [shop, platform, language] of [
      [MALL_A, "cafe24", "ko"],
      [MALL_B, "cafe24", "en"],
      [SHOP_A, "shopify", "en"],
    ] as const) {
      await db.db
        .insertInto("shops")
        .values({
          shop_domain: shop,
          platform,
          installed_at: new Date().toISOString(),
          uninstalled_at: null,
          settings: JSON.stringify({ language }),
        })
        .execute();
    }
    const serve = (shopify: typeof SHOPIFY | null, cafe24: typeof CAFE24 | null) => {
      const auth = adminAuth({ shopify, cafe24, demoShop: "demo-never-used" });
      return listen(
        createApp({
          db: db.db,
          dbKind: db.kind,
          mounts: [{ path: "/api", handler: adminRoutes({ db: db.db, auth }) }],
        }),
      );
    };
    servers.both = await serve(SHOPIFY, CAFE24);
    servers.shopifyOnly = await serve(SHOPIFY, null);
    servers.cafe24Only = await serve(null, CAFE24);
  });
  afterAll(async () => {
    for (const s of Object.values(servers)) await s?.close();
    await db?.destroy();
  });

  const get = (server: keyof typeof servers, path: string, token?: string) =>
    fetch(`${servers[server].url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

  it("a launch's token reads its own mall, whatever the request names", async () => {
    const token = await signCafe24AdminToken(MALL_A, CAFE24_SECRET);
    for (const server of ["both", "cafe24Only"] as const) {
      for (const path of ["/api/settings", `/api/settings?shop=${MALL_B}`, `/api/settings?shop=${SHOP_A}`]) {
        const res = await get(server, path, token);
        expect(res.status, `${server} ${path}`).toBe(200);
        expect(await res.json()).toMatchObject({ shop: MALL_A, language: "ko" });
      }
    }
    const b = await get("both", "/api/settings", await signCafe24AdminToken(MALL_B, CAFE24_SECRET));
    expect(await b.json()).toMatchObject({ shop: MALL_B, language: "en" });
  });

  const refused: Array<[string, () => Promise<string>]> = [
    ["signed with another secret", () => signCafe24AdminToken(MALL_A, "someone-elses-secret")],
    ["signed with the Shopify app secret", () => signCafe24AdminToken(MALL_A, API_SECRET)],
    ["expired", () => signCafe24AdminToken(MALL_A, CAFE24_SECRET, { now: Date.now() - 3_700_000 })],
    ["valid for more than an hour", () => craft({ exp: nowS() + 86_400 })],
    ["for another audience", () => craft({ aud: API_KEY })],
    ["claiming to be Shopify", () => craft({ platform: "shopify" })],
    ["naming a Shopify shop", () => craft({ dest: SHOP_A })],
    ["naming a URL", () => craft({ dest: `https://${MALL_B}.cafe24.com` })],
    ["without a jti", () => craft({ jti: undefined })],
    ["unsigned (alg none)", async () => `${(await craft({})).split(".").slice(0, 2).join(".")}.`],
  ];
  it.each(refused)("refuses a Cafe24 token %s: 401 saying to open Dangol from Cafe24 again", async (_name, token) => {
    for (const server of ["both", "cafe24Only"] as const) {
      const res = await get(server, "/api/dashboard", await token());
      expect(res.status, server).toBe(401);
      const body = await res.json();
      expect(body.error.code).toBe("Unauthorized");
      expect(body.error.message, server).toMatch(/open Dangol from your Cafe24 admin again/);
    }
  });

  it("accepts only the configured platform's kind of token", async () => {
    const cafe24Token = await signCafe24AdminToken(MALL_A, CAFE24_SECRET);
    const shopifyToken = await sessionToken(SHOP_A);
    expect((await get("both", "/api/settings", shopifyToken)).status).toBe(200);
    expect((await get("shopifyOnly", "/api/settings", shopifyToken)).status).toBe(200);

    const cafe24OnShopify = await get("shopifyOnly", "/api/settings", cafe24Token);
    expect(cafe24OnShopify.status).toBe(401);
    expect((await cafe24OnShopify.json()).error.message).toMatch(/Cafe24 is not configured/);
    const shopifyOnCafe24 = await get("cafe24Only", "/api/settings", shopifyToken);
    expect(shopifyOnCafe24.status).toBe(401);
    expect((await shopifyOnCafe24.json()).error.message).toMatch(/Only Cafe24 admin tokens/);
    for (const server of ["both", "shopifyOnly", "cafe24Only"] as const) {
      expect((await get(server, "/api/settings")).status, server).toBe(401);
      expect((await get(server, "/api/settings", "not.a.jwt")).status, server).toBe(401);
    }
  });

  it("a Shopify-shaped token signed with the Cafe24 secret is no Shopify session, and no Cafe24 one either", async () => {
    const posing = await sessionToken(SHOP_A, {}, CAFE24_SECRET);
    expect((await get("both", "/api/settings", posing)).status).toBe(401);
    const posingAsCafe24 = await sessionToken(SHOP_A, { iss: "dangol-cafe24" }, API_SECRET);
    expect((await get("both", "/api/settings", posingAsCafe24)).status).toBe(401);
  });
});
