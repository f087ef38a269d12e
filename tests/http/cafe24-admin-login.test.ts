// A Cafe24 merchant's way into the admin: Cafe24 opens our App URL with a signed launch; an installed mall is
// redirected to the admin with its one-hour admin token in the fragment, and that token reads that mall's
// dashboard and no other. The malls are installed through the real flow against the Cafe24 simulator.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/src/http/app.js";
import { adminAuth, adminRoutes } from "../../server/src/http/routes/admin/index.js";
import { createSyncWiring } from "../../server/src/main/sync-wiring.js";
import { signCafe24AdminToken } from "../../server/src/platforms/cafe24/admin-token.js";
import { cafe24InstallRoutes } from "../../server/src/platforms/cafe24/install-routes.js";
import { signCafe24LaunchQuery } from "../../server/src/platforms/cafe24/launch-hmac.js";
import { createDashboardService } from "../../server/src/services/dashboard.service.js";
import { registryOf } from "../helpers/platforms.js";
import { type RealApp, SHOPIFY_AND_CAFE24_ENV, startRealApp } from "../helpers/real-app.js";
import { CAFE24_APP, startCafe24Harness, type Cafe24Harness } from "../platforms/cafe24/harness.js";

const MALLS = { small: "smallmall", large: "largemall" };
const seed = (maxCustomers: number) => ({
  until: new Date("2010-03-01T00:00:00Z"),
  maxCustomers,
  timeShiftTo: new Date(Date.now() - 86_400_000),
});

describe("Cafe24 launch → admin token → that mall's dashboard", () => {
  let h: Cafe24Harness;
  let server: Server;
  let base: string;
  const backfills: Promise<unknown>[] = [];

  beforeAll(async () => {
    h = await startCafe24Harness({
      malls: [
        { mallId: MALLS.small, seed: seed(20) },
        { mallId: MALLS.large, seed: seed(60) },
      ],
    });
    const db = h.db.db;
    const cafe24 = h.module();
    const { sync } = createSyncWiring({ db, platforms: registryOf(db, cafe24.platform) });
    const auth = adminAuth({ shopify: null, cafe24: { clientSecret: CAFE24_APP.clientSecret }, demoShop: "unused" });
    const app = createApp({
      db,
      dbKind: h.db.kind,
      rawMounts: [
        {
          path: "/cafe24",
          handler: cafe24InstallRoutes({
            db,
            module: cafe24,
            clientSecret: CAFE24_APP.clientSecret,
            wiring: {
              backfill: (shop) => {
                const done = sync.backfill(shop);
                backfills.push(done);
                return done;
              },
              shopSynced: async () => {},
              log: () => {},
            },
            now: () => h.sim.clock.now(),
          }),
        },
      ],
      mounts: [{ path: "/api", handler: adminRoutes({ db, auth }) }],
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await h?.close();
  });

  const launch = (mallId: string) =>
    fetch(
      `${base}/cafe24/launch?${signCafe24LaunchQuery(
        { mall_id: mallId, timestamp: String(Math.trunc(h.sim.clock.now() / 1000)), user_type: "P" },
        CAFE24_APP.clientSecret,
      )}`,
      { redirect: "manual" },
    );

  /** First launch: consent and callback (no token: the callback is not a launch); the next launch lands in the admin. */
  async function install(mallId: string): Promise<void> {
    const consent = await fetch((await launch(mallId)).headers.get("location")!, { redirect: "manual" });
    const callback = new URL(consent.headers.get("location")!);
    expect((await fetch(`${base}/cafe24/oauth/callback${callback.search}`, { redirect: "manual" })).status).toBe(302);
  }

  it("hands the launching mall a token in the fragment that reads only its own dashboard", async () => {
    await install(MALLS.small);
    await install(MALLS.large);
    await Promise.all(backfills);

    const dashboards: Record<string, { kpis: { customers: number; currency: string } }> = {};
    for (const mallId of Object.values(MALLS)) {
      const res = await launch(mallId);
      expect(res.status).toBe(302);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      const location = new URL(res.headers.get("location")!, base);
      // Only the fragment carries it: nothing in the path or query a log or Referer could keep.
      expect(`${location.pathname}${location.search}`).toBe(`/?shop=${mallId}`);
      const token = new URLSearchParams(location.hash.slice(1)).get("cafe24_token")!;
      expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

      const api = await fetch(`${base}/api/dashboard`, { headers: { Authorization: `Bearer ${token}` } });
      expect(api.status).toBe(200);
      dashboards[mallId] = await api.json();
      const direct = await createDashboardService({ db: h.db.db }).get(mallId);
      expect(dashboards[mallId].kpis).toEqual(direct.kpis);
      expect(dashboards[mallId].kpis.currency).toBe("KRW");
    }
    expect(dashboards[MALLS.small].kpis.customers).toBeGreaterThan(0);
    expect(dashboards[MALLS.large].kpis.customers).toBeGreaterThan(dashboards[MALLS.small].kpis.customers);
  }, 60_000);

  it("gives an unsigned or forged launch no token", async () => {
    const forged = signCafe24LaunchQuery(
      { mall_id: MALLS.small, timestamp: String(Math.trunc(h.sim.clock.now() / 1000)) },
      "not-the-secret",
    );
    const res = await fetch(`${base}/cafe24/launch?${forged}`, { redirect: "manual" });
    expect(res.status).toBe(401);
    expect(res.headers.get("location")).toBeNull();
  });
});

describe("startApp with Shopify and Cafe24: a Cafe24 admin token is not sent to Shopify's token exchange", () => {
  let running: RealApp;

  beforeAll(async () => {
    running = await startRealApp("dangol-cafe24-login-", (dir) => ({
      ...SHOPIFY_AND_CAFE24_ENV,
      DATABASE_URL: `sqlite:${path.join(dir, "dangol.sqlite")}`,
    }));
  });
  afterAll(() => running?.close());

  it("answers the mall's settings (no install attempted for it)", async () => {
    const token = await signCafe24AdminToken(MALLS.small, "cafe24-secret");
    const res = await fetch(`${running.base}/api/settings`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).shop).toBe(MALLS.small);
  });
});
