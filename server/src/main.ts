// Composition root: the only module that wires config, database, platforms, services, HTTP and jobs together.
import path from "node:path";
import { createServer, type Server } from "node:http";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createDb } from "./db/create-db.js";
import { migrateToLatest } from "./db/migrate.js";
import { createApp, type Mount } from "./http/app.js";
import { withDecisionFastPath } from "./http/decision-fast-path.js";
import { webUiRoutes } from "./http/web-ui.js";
import { listenOn } from "./http/listen.js";
import { startScheduler, type Scheduler } from "./jobs/scheduler.js";
import type { Job } from "./jobs/job.js";
import { createSyncFeature } from "./demo/sync-feature.js";
import { DEMO_SHOP, startDemoStore } from "./demo/demo-store.js";
import { enableDemoCampaigns, seedExpiringDemoCoupons } from "./demo/demo-campaigns.js";
import { sampleCustomers, sendDemoVisits } from "./demo/demo-visits.js";
import { signAppProxyQuery } from "./simulator/index.js";
import { listInstalledShops } from "./db/repositories/shop.repository.js";
import { createRecomputeService } from "./services/recompute.service.js";
import { createRecomputeJob } from "./jobs/recompute.job.js";
import { createPipeline } from "./services/pipeline.service.js";
import { createInstallService } from "./services/install.service.js";
import { timingEraser } from "./services/timing-eraser.js";
import { campaignEraser } from "./services/campaign-eraser.js";
import {
  createDecisionPublisher,
  predictionsFromDb,
  type DecisionPublisher,
} from "./services/decision-publisher.service.js";
import { createCampaignService } from "./services/campaign.service.js";
import { createCampaignResultsService } from "./services/campaign-results.service.js";
import { createCampaignPreviewService } from "./services/campaign-preview.service.js";
import { createStorefrontService } from "./services/storefront.service.js";
import { createDashboardService } from "./services/dashboard.service.js";
import { createSegmentSnapshotJob } from "./jobs/segment-snapshot.job.js";
import { createEventRetentionJob } from "./jobs/event-retention.job.js";
import { createEventRetentionService } from "./services/event-retention.service.js";
import { appProxyRoutes } from "./http/routes/app-proxy.routes.js";
import { campaignRoutes } from "./http/routes/admin/campaigns.routes.js";
import { adminAuth, adminRoutes } from "./http/routes/admin/index.js";
import { installOnFirstRequest } from "./http/auth/install-on-first-request.js";
import { previewRoutes } from "./storefront-preview/preview.routes.js";
import { previewDepsFromDb } from "./storefront-preview/preview-deps.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface RunningApp {
  server: Server;
  config: Config;
  close(): Promise<void>;
}

export async function startApp(config: Config): Promise<RunningApp> {
  const { db, kind } = createDb(config.database);
  await migrateToLatest(db);

  const rawMounts: Mount[] = [];
  const mounts: Mount[] = [];
  const jobs: Job[] = [];
  const stops: Array<() => Promise<void>> = [];

  const log = (message: string) => console.log(message);
  let closing = false; // set by close(): background start-up work that hasn't begun yet doesn't begin
  const demoShop = config.mode === "demo" ? DEMO_SHOP : undefined;

  // Late-bound: the publisher needs the platform, which the sync feature builds, which needs the pipeline hook.
  let publisher: DecisionPublisher | undefined;
  const recompute = createRecomputeService({
    db,
    clock: () => new Date(),
    log,
    // A full refit republishes the whole shop; a webhook's single customer republishes just them.
    onRecomputed: async (shop, ids) => {
      await (ids.length > 1 ? publisher?.publishShop(shop) : publisher?.publishCustomers(shop, ids));
    },
  });
  const dashboard = createDashboardService({ db });
  const pipeline = createPipeline({ db, recompute, recordSnapshot: dashboard.recordSnapshot, log });

  // Order sync (issue 3): Shopify adapter (the simulator stands in for Shopify in demo mode), POST /api/webhooks
  // (raw body), GET /api/sync/status, reconcile job; uninstall/redact also erase timing and campaign data.
  const syncFeature = createSyncFeature({
    db,
    config,
    onOrderChanged: pipeline.orderChanged,
    onBackfilled: pipeline.shopSynced,
    erasers: [timingEraser, campaignEraser],
  });
  const platform = syncFeature.stack.platform;
  publisher = createDecisionPublisher({ db, platform, loadPredictions: predictionsFromDb(db) });
  const campaigns = createCampaignService({ db, onChanged: (shop) => publisher!.publishShop(shop) });
  const storefront = createStorefrontService({
    db,
    onCustomerChanged: (shop, id) => publisher!.publishCustomers(shop, [id]),
  });

  // Admin API: session-token auth (or the fixed demo shop) runs before every /api router.
  const auth = adminAuth({ shopify: config.shopify, demoShop: DEMO_SHOP });
  mounts.push({ path: "/api", handler: auth });
  if (config.shopify) {
    const install = createInstallService({
      db,
      exchangeToken: (shop, token) => syncFeature.stack.tokens.exchange(shop, token),
      hasOfflineSession: async (shop) =>
        Boolean(await syncFeature.stack.sessionStorage.loadSession(syncFeature.stack.api.session.getOfflineId(shop))),
      backfill: (shop) => syncFeature.sync.backfill(shop),
      shopSynced: pipeline.shopSynced,
      log,
    });
    mounts.push({ path: "/api", handler: installOnFirstRequest(install) });
  }
  mounts.push(...syncFeature.mounts);
  mounts.push({
    path: "/api",
    handler: campaignRoutes({
      campaigns,
      results: createCampaignResultsService({ db }),
      preview: createCampaignPreviewService({ db, loadPredictions: predictionsFromDb(db) }),
      defaultShop: demoShop,
    }),
  });
  mounts.push({ path: "/api", handler: adminRoutes({ db, auth }) });

  // Storefront: app proxy (signature checked before the body is read) and, in demo mode, the preview page.
  rawMounts.push(...syncFeature.rawMounts);
  rawMounts.push({ path: "/apps/dangol", handler: appProxyRoutes({ platform, storefront }) });
  if (demoShop) {
    // The preview plays Shopify's proxy too: beacon URLs carry a fresh signature for the previewed customer.
    const signProxyQuery = (customerId: string | null) =>
      signAppProxyQuery({ shop: demoShop, loggedInCustomerId: customerId }, syncFeature.credentials.apiSecret);
    mounts.push({ path: "/preview", handler: previewRoutes({ ...previewDepsFromDb(db, demoShop), signProxyQuery }) });
  }

  jobs.push(...syncFeature.jobs);
  jobs.push(createRecomputeJob({ recompute, listShops: () => listInstalledShops(db), log }));
  jobs.push(createSegmentSnapshotJob({ dashboard, listShops: () => listInstalledShops(db), log }));
  jobs.push(createEventRetentionJob({ retention: createEventRetentionService({ db }), log }));

  const app = createApp({
    db,
    dbKind: kind,
    mode: config.mode,
    rawMounts,
    mounts,
    staticMounts: [
      { path: "/", handler: webUiRoutes(path.join(ROOT, "web/dist"), { shopifyApiKey: config.shopify?.apiKey }) },
    ],
  });
  const scheduler: Scheduler = startScheduler(jobs);
  // A busy port or an unresolvable HOST ends start-up with one line that says which variable to change.
  const server = await listenOn(
    createServer(withDecisionFastPath(app, { platform, storefront })),
    config.port,
    config.host,
  ).catch(async (err: unknown) => {
    await scheduler.stop();
    await db.destroy();
    throw err;
  });
  if (config.shopify) {
    // Backfills a crash or kill interrupted resume in the background, from their stored cursor (the demo store
    // resumes its own shop below).
    void syncFeature.recovery.resumeAll().catch((err: unknown) => log(`backfill recovery failed: ${String(err)}`));
  }
  stops.push(() => syncFeature.recovery.stop());
  // Webhook deliveries a stopped or crashed process stored but never applied are applied now, once each.
  void syncFeature.ingest
    .resumeStored()
    .catch((err: unknown) => log(`stored webhook deliveries could not be resumed: ${String(err)}`));
  stops.push(() => syncFeature.ingest.stop());
  if (config.mode === "demo") {
    // Simulator + install + background backfill + orders played forward; see server/src/demo/demo-store.ts.
    const port = (server.address() as import("node:net").AddressInfo).port;
    const demo = await startDemoStore({
      db,
      stack: syncFeature.stack,
      sync: syncFeature.sync,
      credentials: syncFeature.credentials,
      appBaseUrl: `http://127.0.0.1:${port}`,
      playEverySeconds: config.demoPlayEverySeconds,
    });
    await enableDemoCampaigns(db, campaigns, DEMO_SHOP);
    // After the backfill: a third of the customers "browse" (signed visit beacons through the app proxy), then the
    // first refit and publish, so the dashboard's visit × purchase grid and the preview have data.
    const visitDeps = {
      appBaseUrl: `http://127.0.0.1:${port}`,
      shop: DEMO_SHOP,
      apiSecret: syncFeature.credentials.apiSecret,
    };
    void demo.backfilled
      .then(async () => {
        if (closing) return;
        const visits = await sendDemoVisits(visitDeps, sampleCustomers(demo.simulator.customerIds, 0.35));
        log(`Demo shoppers visited the storefront: ${visits} visit beacons`);
        // Codes issued 10 days ago, so the coupon-expiry notice has someone to show to (see demo-campaigns.ts).
        await seedExpiringDemoCoupons(
          { db, platform, log: (m, e) => log(`${m}: ${String(e)}`) },
          DEMO_SHOP,
          demo.simulator.customerIds,
          new Date(),
        );
        if (!closing) await pipeline.shopSynced(DEMO_SHOP);
      })
      .catch((err: unknown) => log(`demo predictions failed: ${String(err)}`));
    stops.push(() => demo.stop());
  }
  return {
    server,
    config,
    /**
     * Graceful shutdown: stop accepting requests and starting jobs, stop running backfills at their next
     * checkpoint (their cursor stays stored, so the next start resumes), let in-flight requests finish, close the database.
     */
    async close() {
      closing = true;
      const serverClosed = stopAccepting(server);
      await Promise.all([scheduler.stop(), syncFeature.sync.stop()]);
      for (const stop of stops.reverse()) await stop();
      await serverClosed;
      await db.destroy();
    },
  };
}

/** Refuses new connections at once; requests already in flight get a moment to finish, then their sockets close. */
function stopAccepting(server: Server, graceMs = 1000): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  });
}

/** Work still running this long after the signal is cut short: everything it writes is transactional or resumable. */
const SHUTDOWN_DEADLINE_MS = 4_500;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const running = await startApp(config);
  const { port } = running.server.address() as import("node:net").AddressInfo; // the port bound
  console.log(`Dangol (${config.mode} mode, ${config.database.kind}) listening on http://localhost:${port}`);
  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now".
    if (signalled) process.exit(130);
    signalled = true;
    console.log(`${signal}: shutting down (again to exit at once)`);
    setTimeout(() => {
      console.error(
        `shutdown did not finish within ${SHUTDOWN_DEADLINE_MS} ms; exiting anyway (interrupted work resumes on the next start)`,
      );
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
