// Composition for a planted month (demo/planted-month.ts): the store simulator seeded with a slice of the retail
// data, the production Shopify adapter on it, order webhooks and the signed app proxy served over HTTP, and the real
// sync, recompute, publisher, storefront and results services on one database, all on a clock the month moves.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { LogSeverity } from "@shopify/shopify-api";
import type { Db, DbKind } from "../db/database.js";
import { upsertInstalledShop } from "../db/repositories/shop.repository.js";
import { createApp, type Mount } from "../http/app.js";
import { demoShopAuth } from "../http/auth/session-token.js";
import { listenOn } from "../http/listen.js";
import { appProxyRoutes } from "../http/routes/app-proxy.routes.js";
import { campaignRoutes } from "../http/routes/admin/campaigns.routes.js";
import { adminRoutes } from "../http/routes/admin/index.js";
import { webhookRoutes } from "../http/routes/webhooks.routes.js";
import { webUiRoutes } from "../http/web-ui.js";
import { createPlatformRegistry } from "../platforms/registry.js";
import { createShopifyModule } from "../platforms/shopify/index.js";
import { routeShopTo } from "../platforms/shopify/shop-routing.js";
import { createCampaignPreviewService } from "../services/campaign-preview.service.js";
import { createCampaignResultsService } from "../services/campaign-results.service.js";
import { createCampaignService } from "../services/campaign.service.js";
import { createDecisionPublisher, predictionsFromDb } from "../services/decision-publisher.service.js";
import { createPipeline } from "../services/pipeline.service.js";
import { inlineRecomputeEngine } from "../services/recompute-engine.js";
import { createRecomputeService } from "../services/recompute.service.js";
import { createStorefrontService } from "../services/storefront.service.js";
import { startSimulator, type SimulatorHandle } from "../simulator/index.js";
import { createSyncWiring } from "./sync-wiring.js";

export const PLANTED_SHOP = "planted-month.myshopify.com";
const ROOT = path.resolve(import.meta.dirname, "../../..");

export interface PlantedMonthStackOptions {
  db: Db;
  dbKind: DbKind;
  /** Seeded customers (the first N of the retail file). */
  customers: number;
  /** Only the retail file's invoices from this date on (a shorter history backfills and fits faster). */
  historySince?: Date;
  /** The seeded history is shifted to end here; the month starts after it. */
  historyEndsAt: Date;
  /** Also serve the admin UI and API (the demo shop signed in), for a merchant to look at the results. */
  admin?: boolean;
  port?: number;
  log?: (message: string) => void;
}

export async function startPlantedMonthStack(o: PlantedMonthStackOptions) {
  const log = o.log ?? (() => undefined);
  const app = { apiKey: "dangol-planted", apiSecret: "planted-month-secret-0123456789" };
  const startedAt = Date.now();
  let clock = o.historyEndsAt;
  const now = () => clock;
  const sim: SimulatorHandle = await startSimulator({
    app,
    shops: [
      {
        domain: PLANTED_SHOP,
        seed: { maxCustomers: o.customers, since: o.historySince, timeShiftTo: o.historyEndsAt, quirks: false },
      },
    ],
    throttle: { maximumAvailable: 20_000, restoreRate: 10_000 },
    bulkDelayMs: 10,
  });
  log(`planted month: simulator seeded (${Date.now() - startedAt} ms)`);
  const shopify = createShopifyModule(o.db, {
    ...app,
    appUrl: "http://127.0.0.1",
    scopes: ["read_orders", "read_customers", "write_customers"],
    logLevel: LogSeverity.Error,
  });
  const platforms = createPlatformRegistry(o.db, [shopify.adapter]);
  const publisher = createDecisionPublisher({
    db: o.db,
    platforms,
    loadPredictions: predictionsFromDb(o.db),
    now,
    log,
  });
  // No publish pages: the month decides its shoppers day by day (a full refit would decide everyone at once).
  const onRecomputed = async (shop: string, ids: string[]) => void (await publisher.publishCustomers(shop, ids));
  // The fit in this thread: a batch run, no live traffic to keep the event loop free for (and no worker to boot).
  const engine = inlineRecomputeEngine;
  const recompute = createRecomputeService({ db: o.db, clock: now, log, onRecomputed, engine });
  const pipeline = createPipeline({ db: o.db, recompute, log });
  const { sync, ingest } = createSyncWiring({ db: o.db, platforms, onOrderChanged: pipeline.orderChanged });
  const storefront = createStorefrontService({ db: o.db, now, decisionCacheMs: 0, log });
  const campaigns = createCampaignService({ db: o.db, now });
  const results = createCampaignResultsService({ db: o.db, now });
  const identity = { verifyAppProxy: shopify.storefront.identify };
  const mounts: Mount[] = [];
  const staticMounts: Mount[] = [];
  if (o.admin) {
    const auth = demoShopAuth(PLANTED_SHOP);
    const preview = createCampaignPreviewService({ db: o.db, loadPredictions: predictionsFromDb(o.db), now });
    mounts.push({ path: "/api", handler: auth });
    mounts.push({ path: "/api", handler: campaignRoutes({ campaigns, results, preview, defaultShop: PLANTED_SHOP }) });
    mounts.push({ path: "/api", handler: adminRoutes({ db: o.db, auth, now, demo: true }) });
    staticMounts.push({ path: "/", handler: webUiRoutes(path.join(ROOT, "web/dist")) });
  }
  const server: Server = await listenOn(
    createServer(
      createApp({
        db: o.db,
        dbKind: o.dbKind,
        rawMounts: [
          { path: shopify.webhookPath, handler: webhookRoutes({ ingest, platform: "shopify" }) },
          { path: shopify.storefront.path, handler: appProxyRoutes({ platform: identity, storefront }) },
        ],
        mounts,
        staticMounts,
      }),
    ),
    o.port ?? 0,
    "127.0.0.1",
  );
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Install as the demo does: token exchange, the shop's row, the order webhooks, then the backfill and first fit.
  routeShopTo(PLANTED_SHOP, sim.url);
  await shopify.stack.tokens.exchange(PLANTED_SHOP, sim.mintSessionToken(PLANTED_SHOP));
  await upsertInstalledShop(o.db, PLANTED_SHOP, "shopify", o.historyEndsAt);
  sim.webhooks.subscribe(["orders/create", "orders/updated", "orders/cancelled"], `${url}${shopify.webhookPath}`);
  const backfill = await sync.backfill(PLANTED_SHOP);
  log(`planted month: ${backfill.orders} orders backfilled (${Date.now() - startedAt} ms from the start)`);
  await pipeline.shopSynced(PLANTED_SHOP);
  log(`planted month: first fit done (${Date.now() - startedAt} ms from the start)`);

  return {
    shop: PLANTED_SHOP,
    url,
    apiSecret: app.apiSecret,
    sim,
    store: sim.store(PLANTED_SHOP),
    campaigns,
    results,
    publisher,
    setClock: (at: Date) => {
      clock = at;
    },
    /** Every webhook the simulator sent is delivered and applied. */
    async settle() {
      await sim.webhooks.drain();
      await ingest.idle();
    },
    async close() {
      await ingest.stop();
      await sync.stop();
      await sim.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export type PlantedMonthStack = Awaited<ReturnType<typeof startPlantedMonthStack>>;
