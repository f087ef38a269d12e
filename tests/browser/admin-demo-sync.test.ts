import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { DEMO_SHOP, WEBHOOK_TOPICS, demoCredentials } from "../../server/src/demo/demo-store.js";
import { createSyncWiring } from "../../server/src/main/sync-wiring.js";
import { createPlatformRegistry } from "../../server/src/platforms/registry.js";
import { createShopifyModule } from "../../server/src/platforms/shopify/index.js";
import { syncRoutes } from "../../server/src/http/routes/sync.routes.js";
import { createSyncStatusService } from "../../server/src/services/sync-status.service.js";
import * as shops from "../../server/src/db/repositories/shop.repository.js";
import { routeShopTo } from "../../server/src/platforms/shopify/shop-routing.js";
import { demoShopAuth } from "../../server/src/http/auth/session-token.js";
import { createPipeline } from "../../server/src/services/pipeline.service.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import { startSimulator, type SimulatorHandle } from "../../server/src/simulator/index.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { CHROMIUM, CHROMIUM_ARGS, ensureWebBuild, serveAdmin } from "./admin-server.js";

// The real pipeline on a slice of the demo data: simulator → Shopify adapter backfill → timing recompute → dashboard.
describe("dashboard over really synced demo data", () => {
  let db: TestDb;
  let simulator: SimulatorHandle;
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let customers = 0;

  beforeAll(async () => {
    ensureWebBuild();
    db = await createTestDb();
    // Wired as main.ts wires demo mode: the Shopify module on made-up credentials, the registry, the sync.
    const credentials = demoCredentials();
    const shopify = createShopifyModule(db.db, credentials);
    const { sync } = createSyncWiring({ db: db.db, platforms: createPlatformRegistry(db.db, [shopify.adapter]) });
    simulator = await startSimulator({
      app: { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret },
      shops: [
        {
          domain: DEMO_SHOP,
          seed: {
            maxCustomers: 300,
            until: new Date("2010-03-01T00:00:00Z"),
            timeShiftTo: new Date(Date.now() - 86_400_000),
          },
        },
      ],
    });
    routeShopTo(DEMO_SHOP, simulator.url);
    await shopify.stack.tokens.exchange(DEMO_SHOP, simulator.mintSessionToken(DEMO_SHOP));
    await shops.upsertInstalledShop(db.db, DEMO_SHOP, "shopify", new Date());
    simulator.webhooks.subscribe(WEBHOOK_TOPICS, "http://127.0.0.1:9/api/webhooks", DEMO_SHOP);
    customers = (await sync.backfill(DEMO_SHOP)).customers;
    // The pipeline's first fit, as after a real backfill: it also clears the "first recompute owed" marker.
    const recompute = createRecomputeService({ db: db.db, clock: () => new Date(), log: () => undefined });
    await createPipeline({ db: db.db, recompute, log: () => undefined }).shopSynced(DEMO_SHOP);
    server = await serveAdmin({
      db: db.db,
      dbKind: db.kind,
      auth: demoShopAuth(DEMO_SHOP),
      extraMounts: [
        {
          path: "/api/sync",
          handler: syncRoutes({ status: createSyncStatusService({ db: db.db }), defaultShop: DEMO_SHOP }),
        },
      ],
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await simulator?.close?.();
    await db?.destroy();
  });

  it("shows KPIs, the segment grid and cohorts computed from the synced orders", async () => {
    expect(customers).toBeGreaterThan(100);
    const api = await (await fetch(`${server.url}/api/dashboard`)).json();
    expect(api.kpis.customers).toBeGreaterThan(100);
    expect(api.computedAt).not.toBeNull();
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(server.url);
    await page.getByText("Repeat-purchase rate").waitFor();
    const body = await page.locator("body").innerText();
    // The UI shows exactly what the API computed from the synced data.
    expect(body).toContain(`${(api.kpis.repeatPurchaseRate * 100).toFixed(1)}%`);
    const gridTotal = api.segments.reduce((s: number, c: { count: number }) => s + c.count, 0);
    expect(gridTotal).toBe(api.kpis.customers);
    expect(await page.getByTestId("cohort-grid").locator("tbody tr").count()).toBe(api.cohorts.length);
    await page.screenshot({ path: "/tmp/admin-dashboard-demo.png", fullPage: true });
    await page.goto(`${server.url}/settings`);
    await page.getByText("Up to date").waitFor();
    await page.close();
  });
});
