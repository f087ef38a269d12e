import "@shopify/shopify-api/adapters/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Session } from "@shopify/shopify-api";
import { KyselySessionStorage } from "../../server/src/platforms/shopify/kysely-session-storage.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { DB_KINDS } from "../helpers/db-kinds.js";

describe.each(DB_KINDS)("KyselySessionStorage on %s", (kind) => {
  let t: TestDb;
  let storage: KyselySessionStorage;
  beforeAll(async () => {
    t = await createTestDb(kind);
    storage = new KyselySessionStorage(t.db);
  });
  afterAll(() => t.destroy());

  const offline = () =>
    new Session({
      id: "offline_a.myshopify.com",
      shop: "a.myshopify.com",
      state: "s1",
      isOnline: false,
      scope: "read_orders,write_discounts",
      accessToken: "shpat_1",
      expires: new Date("2026-11-22T10:00:00.000Z"),
      refreshToken: "shprt_1",
      refreshTokenExpires: new Date("2027-02-20T10:00:00.000Z"),
    });

  it("stores and loads a session with its refresh token intact", async () => {
    await storage.storeSession(offline());
    const loaded = await storage.loadSession("offline_a.myshopify.com");
    expect(loaded?.equals(offline())).toBe(true);
    expect(loaded?.refreshToken).toBe("shprt_1");
    expect(loaded?.refreshTokenExpires?.toISOString()).toBe("2027-02-20T10:00:00.000Z");
  });

  it("overwrites on store (token refresh rotates the refresh token)", async () => {
    const s = offline();
    s.accessToken = "shpat_2";
    s.refreshToken = "shprt_2";
    await storage.storeSession(s);
    expect((await storage.loadSession(s.id))?.accessToken).toBe("shpat_2");
    expect(await storage.findSessionsByShop("a.myshopify.com")).toHaveLength(1);
  });

  it("keeps online access info and scopes sessions by shop", async () => {
    const online = new Session({
      id: "b.myshopify.com_42",
      shop: "b.myshopify.com",
      state: "s2",
      isOnline: true,
      accessToken: "online",
      onlineAccessInfo: {
        expires_in: 100,
        associated_user_scope: "read_orders",
        associated_user: {
          id: 42,
          first_name: "Min",
          last_name: "Kim",
          email: "m@example.com",
          email_verified: true,
          account_owner: true,
          locale: "ko",
          collaborator: false,
        },
      },
    });
    await storage.storeSession(online);
    const loaded = await storage.loadSession(online.id);
    expect(loaded?.onlineAccessInfo?.associated_user.first_name).toBe("Min");
    expect((await storage.findSessionsByShop("b.myshopify.com")).map((s) => s.id)).toEqual([online.id]);
    expect((await storage.findSessionsByShop("a.myshopify.com")).map((s) => s.id)).toEqual(["offline_a.myshopify.com"]);
  });

  it("deletes one or many and reports missing sessions as undefined", async () => {
    await storage.deleteSessions(["offline_a.myshopify.com", "b.myshopify.com_42"]);
    expect(await storage.loadSession("offline_a.myshopify.com")).toBeUndefined();
    expect(await storage.findSessionsByShop("b.myshopify.com")).toEqual([]);
    await storage.storeSession(offline());
    await storage.deleteSession("offline_a.myshopify.com");
    expect(await storage.loadSession("offline_a.myshopify.com")).toBeUndefined();
  });
});
