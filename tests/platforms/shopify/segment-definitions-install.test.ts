// The install defines the segment fields' customer metafields ($app:dangol segment, due_date, coupon_expiry), filterable
// in the admin, through the real Shopify module against the simulator: created on the first install, kept (TAKEN,
// not an error) on a reinstall, and defined per shop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LogSeverity } from "@shopify/shopify-api";
import { startSimulator, type SimulatorHandle } from "../../../server/src/simulator/index.js";
import { createShopifyModule } from "../../../server/src/platforms/shopify/index.js";
import { routeShopTo } from "../../../server/src/platforms/shopify/shop-routing.js";
import { createInstallService } from "../../../server/src/services/install.service.js";
import { deleteShop } from "../../../server/src/db/repositories/shop.repository.js";
import { createTestDb, type TestDb } from "../../helpers/test-db.js";

const APP = { apiKey: "segment-key", apiSecret: "segment-secret-0123456789", appId: "777" };
const SHOP = "segment-shop.myshopify.com";
const OTHER = "segment-other.myshopify.com";

describe("install defines the segment metafields", () => {
  let t: TestDb;
  let sim: SimulatorHandle;
  beforeAll(async () => {
    t = await createTestDb();
    sim = await startSimulator({ app: APP, shops: [{ domain: SHOP }, { domain: OTHER }] });
    routeShopTo(SHOP, sim.url);
    routeShopTo(OTHER, sim.url);
  });
  afterAll(async () => {
    await sim.close();
    await t.destroy();
  });

  function installer(logs: string[]) {
    const shopify = createShopifyModule(t.db, {
      ...APP,
      appUrl: "https://dangol.test",
      scopes: ["read_orders"],
      logLevel: LogSeverity.Error,
    });
    return createInstallService({
      db: t.db,
      ...shopify.install,
      backfill: async () => {},
      shopSynced: async () => {},
      log: (message) => logs.push(message),
    });
  }

  const definitions = (shop: string) =>
    [...sim.store(shop).metafieldDefinitions.values()].map((d) => ({
      id: d.id,
      ownerType: d.ownerType,
      namespace: d.namespace,
      key: d.key,
      type: d.type,
      adminFilterable: d.adminFilterable,
    }));

  it("creates the three definitions once across repeated installs, in each shop", async () => {
    const logs: string[] = [];
    await installer(logs).ensureInstalled(SHOP, sim.mintSessionToken(SHOP));
    const first = definitions(SHOP);
    const ns = `app--${APP.appId}--dangol`;
    expect(first.map(({ id: _, ...d }) => d)).toEqual([
      { ownerType: "CUSTOMER", namespace: ns, key: "segment", type: "single_line_text_field", adminFilterable: true },
      { ownerType: "CUSTOMER", namespace: ns, key: "due_date", type: "date", adminFilterable: true },
      { ownerType: "CUSTOMER", namespace: ns, key: "coupon_expiry", type: "date", adminFilterable: true },
    ]);

    // Uninstalled (the shop's row erased) and installed again, twice: the same three definitions, no error logged.
    for (let i = 0; i < 2; i++) {
      await deleteShop(t.db, SHOP);
      await installer(logs).ensureInstalled(SHOP, sim.mintSessionToken(SHOP));
    }
    expect(logs).toEqual([]);
    expect(definitions(SHOP)).toEqual(first);

    await installer(logs).ensureInstalled(OTHER, sim.mintSessionToken(OTHER));
    expect(definitions(OTHER).map((d) => d.key)).toEqual(["segment", "due_date", "coupon_expiry"]);
    expect(definitions(SHOP)).toEqual(first);
    expect(logs).toEqual([]);
  });
});
