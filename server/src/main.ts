// Composition root: the only module that wires config, database, platforms, services, HTTP and jobs together.
import path from "node:path";
import { createServer, type Server } from "node:http";
import { ConfigError, loadConfig, type Config } from "./config.js";
import type { Db } from "./db/database.js";
import { createDb } from "./db/create-db.js";
import { createReadDb } from "./db/create-read-db.js";
import { migrateToLatest } from "./db/migrate.js";
import { listInstalledShops } from "./db/repositories/shop.repository.js";
import { createApp, type Mount } from "./http/app.js";
import { withDecisionFastPath } from "./http/decision-fast-path.js";
import { type WebhookFastIntake, withWebhookFastPath } from "./http/webhook-fast-path.js";
import { webUiRoutes } from "./http/web-ui.js";
import { listenOn } from "./http/listen.js";
import { appProxyRoutes } from "./http/routes/app-proxy.routes.js";
import { campaignRoutes } from "./http/routes/admin/campaigns.routes.js";
import { adminAuth, adminRoutes } from "./http/routes/admin/index.js";
import { syncRoutes } from "./http/routes/sync.routes.js";
import { webhookRoutes } from "./http/routes/webhooks.routes.js";
import { pixelRoutes } from "./http/routes/pixel.routes.js";
import { createPixelIntakeService, pixelEraser } from "./services/pixel-intake.service.js";
import { installOnFirstRequest } from "./http/auth/install-on-first-request.js";
import { enqueueTick, startScheduler, type Scheduler } from "./jobs/scheduler.js";
import type { JobQueue } from "./jobs/queue/job-queue.js";
import { createInProcessQueue } from "./jobs/queue/in-process-queue.js";
import { createPgBossQueue } from "./jobs/queue/pg-boss-queue.js";
import type { Job } from "./jobs/job.js";
import { createPublishPages } from "./jobs/publish-pages.job.js";
import { createRecomputeJob } from "./jobs/recompute.job.js";
import { createSegmentSnapshotJob } from "./jobs/segment-snapshot.job.js";
import { createEventRetentionJob } from "./jobs/event-retention.job.js";
import { createFlowEventsJob } from "./jobs/flow-events.job.js";
import { createSegmentDefinitionsJob } from "./jobs/segment-definitions.job.js";
import { createSegmentDefinitionsService, segmentDefinitionsEraser } from "./services/segment-definitions.service.js";
import { defineSegmentMetafields } from "./platforms/shopify/segment-definitions.js";
import type { PlatformModule, PlatformWiring } from "./platforms/platform-module.js";
import { createPlatformRegistry } from "./platforms/registry.js";
import { createShopifyModule } from "./platforms/shopify/index.js";
import { CAFE24_ROUTES_PATH, createCafe24PlatformModule } from "./platforms/cafe24/platform-module.js";
import { createRecomputeService } from "./services/recompute.service.js";
import { createPipeline } from "./services/pipeline.service.js";
import { createInstallService } from "./services/install.service.js";
import { timingEraser } from "./services/timing-eraser.js";
import { campaignEraser } from "./services/campaign-eraser.js";
import { createDecisionPublisher, predictionsFromDb } from "./services/decision-publisher.service.js";
import { createCampaignService } from "./services/campaign.service.js";
import { createCampaignResultsService } from "./services/campaign-results.service.js";
import { createCampaignPreviewService } from "./services/campaign-preview.service.js";
import { createStorefrontService } from "./services/storefront.service.js";
import { createDashboardService } from "./services/dashboard.service.js";
import { createEventRetentionService } from "./services/event-retention.service.js";
import { createSyncStatusService } from "./services/sync-status.service.js";
import { createSyncWiring } from "./main/sync-wiring.js";
import { previewRoutes } from "./storefront-preview/preview.routes.js";
import { previewDepsFromDb } from "./storefront-preview/preview-deps.js";
import { DEMO_SHOP, demoCredentials, startDemoStore } from "./demo/demo-store.js";
import type { DemoCredentials, DemoPrestart } from "./demo/demo-prestart.js";
import { enableDemoCampaigns, seedExpiringDemoCoupons } from "./demo/demo-campaigns.js";
import { sampleCustomers } from "./demo/demo-visits.js";
import { signAppProxyQuery } from "./simulator/index.js";
import { cafe24DemoPreview, createDemoCafe24Module, DEMO_MALL, startCafe24Demo } from "./demo/demo-store-cafe24.js";
import type { Cafe24SeedOptions } from "./simulator-cafe24/index.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface RunningApp {
  server: Server;
  config: Config;
  close(): Promise<void>;
}

/**
 * The platforms this process serves, each one module (platforms/<name>/index.ts). A shop's row says which one is
 * its own; adding a platform is one more entry here.
 */
function platformModules(db: Db, config: Config, demoCreds?: DemoCredentials) {
  // Demo mode: the simulator stands in for Shopify with credentials made up for this run. In production only a
  // configured platform is served: with Cafe24's credentials alone, no Shopify route exists (made-up credentials
  // never answer real traffic).
  const demo = config.mode === "demo";
  const shopify =
    config.shopify || demo ? createShopifyModule(db, config.shopify ?? demoCreds ?? demoCredentials()) : null;
  const all: PlatformModule[] = shopify ? [shopify] : [];
  // DEMO_PLATFORM=cafe24: the Cafe24 simulator stands in for Cafe24, likewise (demo/demo-store-cafe24.ts).
  const cafe24Demo = isCafe24Demo(config) ? createDemoCafe24Module(db, `http://127.0.0.1:${config.port}`) : null;
  if (cafe24Demo) all.push(cafe24Demo.module);
  if (config.cafe24) {
    const { clientId, clientSecret, appUrl, scopes, webhookKey } = config.cafe24;
    const redirectUri = `${appUrl}${CAFE24_ROUTES_PATH}/oauth/callback`;
    const app = { clientId, clientSecret, redirectUri, scopes };
    all.push(
      createCafe24PlatformModule({ db, app, webhookApiKey: webhookKey, trustedProxyHops: config.trustedProxyHops }),
    );
  }
  return { shopify, all, cafe24Demo };
}

const isCafe24Demo = (config: Config) => config.mode === "demo" && config.demoPlatform === "cafe24";

export interface StartOptions {
  /** Test-only: a slice of the retail data for the Cafe24 demo mall. */
  cafe24DemoSeed?: Cafe24SeedOptions;
  /** The Shopify demo's simulator, started by start.ts before this module loaded (its credentials are the app's). */
  demoPrestart?: DemoPrestart;
}

export async function startApp(config: Config, options: StartOptions = {}): Promise<RunningApp> {
  const { db, kind } = createDb(config.database);
  await migrateToLatest(db);
  const { readDb, close: closeReadDb } = createReadDb(config.database, db);

  const rawMounts: Mount[] = [];
  const mounts: Mount[] = [];
  const jobs: Job[] = [];
  const stops: Array<() => Promise<void>> = [];

  const log = (message: string) => console.log(message);
  let closing = false; // set by close(): background start-up work that hasn't begun yet doesn't begin
  const demoShop = config.mode === "demo" ? (isCafe24Demo(config) ? DEMO_MALL : DEMO_SHOP) : undefined;
  const listShops = () => listInstalledShops(db);

  const { shopify, all: modules, cafe24Demo } = platformModules(db, config, options.demoPrestart?.credentials);
  const platforms = createPlatformRegistry(
    db,
    modules.map((m) => m.adapter),
  );

  // Timing and campaigns: a refit or an order change republishes through the shop's own platform.
  const publisher = createDecisionPublisher({ db, platforms, loadPredictions: predictionsFromDb(db) });
  // Jobs (per-customer recomputes, publish pages; on PostgreSQL also webhook applies and backfills) go through the
  // shared queue.
  const queue = await createJobQueue(config, log);
  // A full refit queues its publish a page (a range of ids) at a time; a webhook's single customer republishes just them.
  const publishPages = createPublishPages({ db, queue, publishRange: publisher.publishRange, log });
  await publishPages.start();
  const recompute = createRecomputeService({
    db,
    clock: () => new Date(),
    log,
    onRecomputed: async (shop, ids) => {
      await publisher.publishCustomers(shop, ids);
    },
    publishPages,
  });
  const dashboard = createDashboardService({ db, readDb });
  const pipeline = createPipeline({ db, recompute, recordSnapshot: dashboard.recordSnapshot, log });
  const campaigns = createCampaignService({ db, onChanged: (shop) => publisher.publishShop(shop) });
  const storefront = createStorefrontService({
    db,
    trustedProxyHops: config.trustedProxyHops,
    onCustomerChanged: (shop, id) => publisher.publishCustomers(shop, [id]),
  });

  // Order sync: backfill and reconcile through each shop's platform, webhooks verified by the platform whose
  // intake received them; uninstall and redact also erase timing and campaign data.
  const { sync, recovery, ingest, ...syncParts } = createSyncWiring({
    db,
    platforms,
    onOrderChanged: pipeline.orderChanged,
    onBackfilled: pipeline.shopSynced,
    erasers: [
      timingEraser,
      campaignEraser,
      pixelEraser,
      segmentDefinitionsEraser,
      ...modules.flatMap((m) => m.erasers ?? []),
    ],
    queue: { jobs: queue, shared: kind === "postgres", log },
  });
  jobs.push(...syncParts.jobs);
  const wiring: PlatformWiring = { backfill: (shop) => sync.backfill(shop), shopSynced: pipeline.shopSynced, log };

  // Admin API: a Shopify session token or a Cafe24 launch's admin token (or the fixed demo shop) runs before every
  // /api router.
  const cafe24Auth = config.cafe24 && { clientSecret: config.cafe24.clientSecret };
  const auth = adminAuth({ shopify: config.shopify, cafe24: cafe24Auth, demoShop: demoShop ?? DEMO_SHOP });
  mounts.push({ path: "/api", handler: auth });
  if (config.shopify && shopify) {
    const install = createInstallService({ db, ...shopify.install, ...wiring });
    mounts.push({ path: "/api", handler: installOnFirstRequest(install) });
  }
  mounts.push({
    path: "/api/sync",
    handler: syncRoutes({
      status: createSyncStatusService({ db: readDb }),
      retryDeadLetter: (shop, id) => ingest.retryDeadLetter(shop, id),
      defaultShop: demoShop,
    }),
  });
  mounts.push({
    path: "/api",
    handler: campaignRoutes({
      campaigns,
      results: createCampaignResultsService({ db }),
      preview: createCampaignPreviewService({ db, loadPredictions: predictionsFromDb(db) }),
      defaultShop: demoShop,
    }),
  });
  // The demo may point the Cafe24 Flow webhook at http://localhost.
  mounts.push({ path: "/api", handler: adminRoutes({ db, readDb, auth, demo: config.mode === "demo" }) });

  // Each platform's front doors: its webhook intake, its storefront (signature checked before the body is read),
  // routes and jobs of its own.
  const fastIntakes: WebhookFastIntake[] = []; // the default intakes, also answered from node:http
  for (const platform of modules) {
    const intake = platform.webhookRoutes?.(ingest) ?? webhookRoutes({ ingest, platform: platform.id });
    if (!platform.webhookRoutes) fastIntakes.push({ path: platform.webhookPath, platform: platform.id });
    rawMounts.push({ path: platform.webhookPath, handler: intake });
    // The platform's own routes first: Cafe24's storefront script and decision share the storefront path, where
    // the signed-proxy routes would refuse them (Cafe24 signs no storefront request).
    rawMounts.push(...(platform.rawMounts?.(wiring) ?? []));
    const identity = { verifyAppProxy: platform.storefront.identify };
    rawMounts.push({ path: platform.storefront.path, handler: appProxyRoutes({ platform: identity, storefront }) });
    jobs.push(...(platform.jobs?.(wiring) ?? []));
    if (platform.stop) stops.push(platform.stop);
  }
  // The web pixel's events (extensions/dangol-pixel): unsigned, so only counts per browser and order claims.
  rawMounts.push({ path: "/pixel", handler: pixelRoutes({ pixel: createPixelIntakeService({ db }) }) });
  if (cafe24Demo) mounts.push({ path: "/preview", handler: cafe24DemoPreview(cafe24Demo) });
  else if (demoShop && shopify) {
    // The preview plays Shopify's proxy too: beacon URLs carry a fresh signature for the previewed customer.
    const signProxyQuery = (customerId: string | null) =>
      signAppProxyQuery({ shop: demoShop, loggedInCustomerId: customerId }, shopify.stack.api.config.apiSecretKey);
    mounts.push({ path: "/preview", handler: previewRoutes({ ...previewDepsFromDb(db, demoShop), signProxyQuery }) });
  }

  jobs.push(createRecomputeJob({ recompute, listShops, log }));
  jobs.push(publishPages.resumeJob());
  jobs.push(createSegmentSnapshotJob({ dashboard, listShops, log }));
  jobs.push(createEventRetentionJob({ retention: createEventRetentionService({ db }), log }));
  // Shopify Flow triggers (Cafe24: the merchant's signed webhook) for windows opened, coupons expiring, lapses.
  jobs.push(
    createFlowEventsJob({ db, listShops, log, shopifyGraphql: shopify?.stack.graphql, demo: config.mode === "demo" }),
  );
  // The segment fields' metafield definitions for Shopify shops installed before install made them: queued at boot
  // and daily, asked once per shop (remembered), so the publisher's writes are filterable in the segment editor.
  const segmentDefinitionsJob =
    shopify &&
    createSegmentDefinitionsJob({
      definitions: createSegmentDefinitionsService({
        db,
        platforms,
        define: (shop) => defineSegmentMetafields(shopify.stack.graphql, shop),
      }),
      listShops,
      log,
    });
  if (segmentDefinitionsJob) jobs.push(segmentDefinitionsJob);

  const mode = config.mode === "demo" ? "demo" : config.shopify ? "shopify" : "cafe24";
  const app = createApp({
    db,
    dbKind: kind,
    mode,
    rawMounts,
    mounts,
    staticMounts: [
      { path: "/", handler: webUiRoutes(path.join(ROOT, "web/dist"), { shopifyApiKey: config.shopify?.apiKey }) },
    ],
  });
  const scheduler: Scheduler = await startScheduler(jobs, queue, log, config.jobConcurrency);
  // Today's key: a boot after today's tick (or another instance's boot) queues nothing new.
  if (segmentDefinitionsJob)
    void enqueueTick(queue, segmentDefinitionsJob, new Date()).catch((err: unknown) =>
      log(`segment-definitions not queued at boot: ${String(err)}`),
    );
  // A busy port or an unresolvable HOST ends start-up with one line that says which variable to change.
  // Fast paths answer Shopify's app-proxy /decision and webhook deliveries from node:http (see *-fast-path.ts).
  const server = await listenOn(
    createServer(
      withWebhookFastPath(shopify ? withDecisionFastPath(app, { platform: shopify.adapter, storefront }) : app, {
        ingest,
        intakes: fastIntakes,
        mode,
      }),
    ),
    config.port,
    config.host,
  ).catch(async (err: unknown) => {
    await scheduler.stop();
    await queue.stop({ graceMs: 0 });
    await closeReadDb();
    await db.destroy();
    throw err;
  });
  if (config.mode === "production") {
    // Backfills a crash or kill interrupted resume in the background, from their stored cursor (the demo store
    // resumes its own shop below).
    void recovery.resumeAll().catch((err: unknown) => log(`backfill recovery failed: ${String(err)}`));
  }
  stops.push(() => recovery.stop());
  // Webhook deliveries a stopped or crashed process stored but never applied are applied now, once each.
  void ingest
    .resumeStored()
    .catch((err: unknown) => log(`stored webhook deliveries could not be resumed: ${String(err)}`));
  stops.push(() => ingest.stop());
  // Publish pages a crash left stored but never queued (or whose retries ran out) are queued again.
  void publishPages
    .resumePending()
    .catch((err: unknown) => log(`stored publish pages could not be resumed: ${String(err)}`));
  if (cafe24Demo) {
    const appBaseUrl = `http://127.0.0.1:${(server.address() as import("node:net").AddressInfo).port}`;
    const demo = await startCafe24Demo({
      ...{ db, demo: cafe24Demo, sync, campaigns, storefront, appBaseUrl, log, seed: options.cafe24DemoSeed },
      platformFor: (shop) => platforms.for(shop),
      shopSynced: pipeline.shopSynced,
      playEverySeconds: config.demoPlayEverySeconds,
      isClosing: () => closing,
    });
    stops.push(() => demo.stop());
  } else if (config.mode === "demo" && shopify) {
    // Simulator + install + background backfill + orders played forward; see server/src/demo/demo-store.ts.
    const port = (server.address() as import("node:net").AddressInfo).port;
    const credentials = { apiKey: shopify.stack.api.config.apiKey, apiSecret: shopify.stack.api.config.apiSecretKey };
    const demo = await startDemoStore({
      db,
      stack: shopify.stack,
      sync,
      credentials,
      appBaseUrl: `http://127.0.0.1:${port}`,
      playEverySeconds: config.demoPlayEverySeconds,
      prestarted: options.demoPrestart,
    });
    await enableDemoCampaigns(db, campaigns, DEMO_SHOP);
    // While the backfill runs (neither needs an order): a third of the customers "browse" (signed visit beacons
    // through the app proxy), and a few get codes issued 10 days ago, so the coupon-expiry notice has someone to show
    // to (see demo-campaigns.ts). Then the first refit and publish, so the dashboard's visit × purchase grid and the
    // preview have data; new orders are played from then on.
    // The beacons leave from the simulator's thread, as from Shopify's proxy: this thread only answers them.
    const shoppers = sampleCustomers(demo.simulator.customerIds, 0.35);
    const visited = demo.simulator
      .sendVisits(`http://127.0.0.1:${port}`, shoppers)
      .then((visits) => log(`Demo shoppers visited the storefront: ${visits} visit beacons`));
    const couponsSeeded = platforms
      .for(DEMO_SHOP)
      .then((platform) =>
        seedExpiringDemoCoupons(
          { db, platform, log: (m, e) => log(`${m}: ${String(e)}`) },
          DEMO_SHOP,
          demo.simulator.customerIds,
          new Date(),
        ),
      );
    void Promise.all([demo.backfilled, visited, couponsSeeded])
      .then(async () => {
        if (!closing) await pipeline.shopSynced(DEMO_SHOP);
        if (!closing) demo.startPlaying();
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
      // Ticks stop first, then the queue takes no more jobs and gives running ones until JOB_GRACE_MS.
      await Promise.all([scheduler.stop().then(() => queue.stop({ graceMs: JOB_GRACE_MS })), sync.stop()]);
      for (const stop of stops.reverse()) await stop();
      await serverClosed;
      await closeReadDb();
      await db.destroy();
    },
  };
}

/**
 * PostgreSQL: pg-boss in its own schema of the same database, shared by every instance. SQLite: one process, so
 * an in-process queue behind the same interface.
 */
async function createJobQueue(config: Config, log: (message: string) => void): Promise<JobQueue> {
  if (config.database.kind === "postgres") return createPgBossQueue({ connectionString: config.database.url, log });
  return createInProcessQueue(log);
}

/** How long running jobs get at shutdown (inside SHUTDOWN_DEADLINE_MS); pg-boss hands unfinished ones back. */
const JOB_GRACE_MS = 3_000;

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

export async function main(options: StartOptions = {}): Promise<void> {
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
  const running = await startApp(config, options);
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
