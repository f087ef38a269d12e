// The sync feature's parts, built once for main.ts: Shopify adapter, services, routes and the reconcile job.
import type { Config } from "../config.js";
import type { Db } from "../db/database.js";
import * as shops from "../db/repositories/shop.repository.js";
import type { Mount } from "../http/app.js";
import { syncRoutes } from "../http/routes/sync.routes.js";
import { webhookRoutes } from "../http/routes/webhooks.routes.js";
import type { Job } from "../jobs/job.js";
import { reconcileJob } from "../jobs/reconcile.job.js";
import { createShopifyStack, type ShopifyStack } from "../platforms/shopify/shopify-stack.js";
import { createOrderSyncService, type OrderSyncService } from "../services/order-sync.service.js";
import { createBackfillRecovery, type BackfillRecovery } from "../services/backfill-recovery.service.js";
import { createPrivacyService, type DataEraser } from "../services/privacy.service.js";
import { createSyncStatusService } from "../services/sync-status.service.js";
import {
  createWebhookIngestService,
  type OrderChangedHook,
  type WebhookIngestService,
} from "../services/webhook-ingest.service.js";
import { DEMO_SHOP, demoCredentials } from "./demo-store.js";

export interface SyncFeature {
  stack: ShopifyStack;
  sync: OrderSyncService;
  /** Resumes interrupted backfills: main.ts calls resumeAll() at start-up; the reconcile job uses it too. */
  recovery: BackfillRecovery;
  ingest: WebhookIngestService;
  credentials: { apiKey: string; apiSecret: string };
  rawMounts: Mount[];
  mounts: Mount[];
  jobs: Job[];
}

export interface SyncFeatureDeps {
  db: Db;
  config: Config;
  /** Timing recompute / campaign publisher, called after an order change is stored. */
  onOrderChanged?: OrderChangedHook;
  /** The first fit and publish after a resumed backfill finishes (as after an install's). */
  onBackfilled?: (shop: string) => Promise<void>;
  /** Other features' tables to clear on uninstall and redact requests. */
  erasers?: DataEraser[];
}

export function createSyncFeature({ db, config, onOrderChanged, onBackfilled, erasers }: SyncFeatureDeps): SyncFeature {
  const credentials = config.shopify ?? demoCredentials();
  const stack = createShopifyStack(db, credentials);
  const privacy = createPrivacyService({ db, erasers });
  const ingest = createWebhookIngestService({ db, platform: stack.platform, privacy, onOrderChanged });
  const sync = createOrderSyncService({ db, platform: stack.platform, onOrderChanged });
  const status = createSyncStatusService({ db });
  const listShops = () => shops.listInstalledShops(db);
  const recovery = createBackfillRecovery({
    db,
    sync,
    listShops,
    onBackfilled: onBackfilled ?? (async () => undefined),
  });
  return {
    stack,
    sync,
    recovery,
    ingest,
    credentials,
    rawMounts: [{ path: "/api/webhooks", handler: webhookRoutes({ ingest }) }],
    mounts: [
      {
        path: "/api/sync",
        handler: syncRoutes({
          status,
          retryDeadLetter: (shop, id) => ingest.retryDeadLetter(shop, id),
          defaultShop: config.mode === "demo" ? DEMO_SHOP : undefined,
        }),
      },
    ],
    jobs: [
      reconcileJob({
        listShops,
        reconcile: (shop) => sync.reconcile(shop),
        resumeBackfill: (shop) => recovery.resumeIfUnfinished(shop),
        retryPendingWebhooks: () => ingest.retryPending(),
      }),
    ],
  };
}
