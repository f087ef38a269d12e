import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/src/http/app.js";
import { sessionTokenAuth } from "../../server/src/http/auth/session-token.js";
import { adminRoutes } from "../../server/src/http/routes/admin/index.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { API_KEY, API_SECRET, listen, NOW, seedTwoShops, sessionToken, SHOP_A, SHOP_B } from "./admin/fixtures.js";

// The admin API trusts nothing but a session token signed with our secret, for our app, inside its time window.
describe("admin API session-token auth", () => {
  let db: TestDb;
  let server: { url: string; close(): Promise<void> };
  const get = (path: string, token?: string) =>
    fetch(`${server.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    db = await createTestDb();
    await seedTwoShops(db.db);
    const auth = sessionTokenAuth({ apiKey: API_KEY, apiSecret: API_SECRET });
    server = await listen(
      createApp({
        db: db.db,
        dbKind: db.kind,
        mounts: [{ path: "/api", handler: adminRoutes({ db: db.db, auth, now: () => NOW }) }],
      }),
    );
  });
  afterAll(async () => {
    await server?.close();
    await db?.destroy();
  });

  it("accepts a valid token and answers for its shop", async () => {
    const res = await get("/api/settings", await sessionToken(SHOP_A));
    expect(res.status).toBe(200);
    expect((await res.json()).shop).toBe(SHOP_A);
  });

  it.each([
    ["no header", async () => undefined],
    ["a forged signature", async () => sessionToken(SHOP_A, {}, "not-the-secret")],
    ["an expired token", async () => sessionToken(SHOP_A, { exp: now() - 30, iat: now() - 90, nbf: now() - 90 })],
    ["a token for another app (aud)", async () => sessionToken(SHOP_A, { aud: "someone-else" })],
    ["a token not valid yet (nbf)", async () => sessionToken(SHOP_A, { nbf: now() + 60 })],
    [
      "a dest that is not a shop",
      async () => sessionToken(SHOP_A, { dest: "https://evil.example.com", iss: "https://evil.example.com/admin" }),
    ],
    ["iss naming another shop than dest", async () => sessionToken(SHOP_A, { iss: `https://${SHOP_B}/admin` })],
    ["garbage", async () => "not.a.jwt"],
  ])("rejects %s with 401 and the error body", async (_name, token) => {
    for (const path of ["/api/dashboard", "/api/customers", "/api/settings"]) {
      const res = await get(path, await token());
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("Unauthorized");
    }
  });

  it("rejects an alg=none token even with the right claims", async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const token = `${b64({ alg: "none", typ: "JWT" })}.${b64({ dest: `https://${SHOP_A}`, aud: API_KEY, exp: now() + 60, nbf: now() - 1 })}.`;
    expect((await get("/api/settings", token)).status).toBe(401);
  });

  it("tolerates 10 s of clock skew but not more", async () => {
    expect((await get("/api/settings", await sessionToken(SHOP_A, { nbf: now() + 5 }))).status).toBe(200);
    expect((await get("/api/settings", await sessionToken(SHOP_A, { exp: now() - 5 }))).status).toBe(200);
    expect((await get("/api/settings", await sessionToken(SHOP_A, { exp: now() - 20 }))).status).toBe(401);
  });

  it("never lets shop A's token read shop B's customers", async () => {
    const tokenA = await sessionToken(SHOP_A);
    const detail = await get("/api/customers/b1", tokenA);
    expect(detail.status).toBe(404);
    const list = await (await get("/api/customers?q=secret", tokenA)).json();
    expect(list.total).toBe(0);
    const all = await (await get("/api/customers", tokenA)).json();
    expect(all.customers.map((c: { customerId: string }) => c.customerId).sort()).toEqual(["a1", "a2", "a3", "a4"]);
    // And B's own token does see b1, so the 404 above is scoping, not a missing row.
    const asB = await get("/api/customers/b1", await sessionToken(SHOP_B));
    expect(asB.status).toBe(200);
    expect((await asB.json()).customer.name).toBe("Secret Bob");
  });

  it("keeps dashboards apart too", async () => {
    const a = await (await get("/api/dashboard", await sessionToken(SHOP_A))).json();
    const b = await (await get("/api/dashboard", await sessionToken(SHOP_B))).json();
    expect(a.kpis.customers).toBe(3);
    expect(b.kpis.customers).toBe(1);
    expect(a.dueThisWeek.map((d: { customerId: string }) => d.customerId)).toEqual(["a1"]);
  });
});
