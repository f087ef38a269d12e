// The install activates the web pixel (extensions/dangol-pixel) with the app's /pixel/events endpoint, through the
// real Shopify module against the simulator: create on the first install, update on a reinstall (one pixel), and an
// install that stands when Shopify refuses (here: the write_pixels scope was not granted).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LogSeverity } from "@shopify/shopify-api";
import { startSimulator, type SimulatorHandle } from "../../../server/src/simulator/index.js";
import { createShopifyModule } from "../../../server/src/platforms/shopify/index.js";
import { routeShopTo } from "../../../server/src/platforms/shopify/shop-routing.js";
import { createInstallService } from "../../../server/src/services/install.service.js";
import { deleteShop, findShop } from "../../../server/src/db/repositories/shop.repository.js";
import { createTestDb, type TestDb } from "../../helpers/test-db.js";
import { loadConfig } from "../../../server/src/config.js";
import { demoCredentials } from "../../../server/src/demo/demo-store.js";

const APP = { apiKey: "pixel-key", apiSecret: "pixel-secret-0123456789" };
const SHOP = "pixel-shop.myshopify.com";
const NO_PIXEL_SCOPES = ["read_orders", "read_all_orders", "read_customers", "write_customers", "write_discounts"];

describe("install activates the web pixel", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.destroy());

  async function withSimulator(scopes: string[] | undefined, run: (sim: SimulatorHandle) => Promise<void>) {
    const sim = await startSimulator({ app: { ...APP, scopes }, shops: [{ domain: SHOP }] });
    routeShopTo(SHOP, sim.url);
    try {
      await run(sim);
    } finally {
      await sim.close();
    }
  }

  function installer(appUrl: string, logs: string[] = []) {
    const shopify = createShopifyModule(t.db, { ...APP, appUrl, scopes: ["read_orders"], logLevel: LogSeverity.Error });
    return createInstallService({
      db: t.db,
      ...shopify.install,
      backfill: async () => {},
      shopSynced: async () => {},
      log: (message) => logs.push(message),
    });
  }

  it("creates the pixel on install and updates that same pixel on a reinstall", async () => {
    await withSimulator(undefined, async (sim) => {
      await installer("https://dangol.test/").ensureInstalled(SHOP, sim.mintSessionToken(SHOP));
      const first = sim.store(SHOP).webPixel;
      expect(first?.settings).toBe(JSON.stringify({ endpoint: "https://dangol.test/pixel/events" }));

      // Uninstalled (the shop's row erased), then installed again by the app now served from another host.
      await deleteShop(t.db, SHOP);
      const logs: string[] = [];
      await installer("https://app.dangol.test", logs).ensureInstalled(SHOP, sim.mintSessionToken(SHOP));
      expect(logs).toEqual([]);
      const second = sim.store(SHOP).webPixel;
      expect(second?.id).toBe(first?.id);
      expect(second?.settings).toBe(JSON.stringify({ endpoint: "https://app.dangol.test/pixel/events" }));
    });
  });

  it("keeps the install when Shopify refuses the pixel (no write_pixels scope) and logs why", async () => {
    await deleteShop(t.db, SHOP);
    await withSimulator(NO_PIXEL_SCOPES, async (sim) => {
      const logs: string[] = [];
      await installer("https://dangol.test", logs).ensureInstalled(SHOP, sim.mintSessionToken(SHOP));
      expect((await findShop(t.db, SHOP))?.uninstalled_at).toBeNull();
      expect(sim.store(SHOP).webPixel).toBeNull();
      expect(logs.join("\n")).toContain("write_pixels");
    });
  });
});

describe("the pixel's scopes are asked for by default", () => {
  it("in SHOPIFY_SCOPES' default and in the demo's credentials", () => {
    const config = loadConfig({ SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://a.test" });
    for (const scopes of [config.shopify?.scopes, demoCredentials().scopes]) {
      expect(scopes).toEqual(expect.arrayContaining(["write_pixels", "read_customer_events"]));
    }
  });
});
