// Part of the composition root (main.ts): the order sync's services and its reconcile job, over every platform
// the registry holds. Tests of the production wiring build it the same way; routes are mounted by main.ts.
import type { Db } from "../db/database.js";
import { listInstalledShops } from "../db/repositories/shop.repository.js";
import type { Job } from "../jobs/job.js";
import type { JobQueue } from "../jobs/queue/job-queue.js";
import { reconcileJob } from "../jobs/reconcile.job.js";
import { queuedBackfills, queuedOrderChanged, sharedApplyQueue } from "../jobs/sync-jobs.js";
import type { PlatformRegistry } from "../platforms/registry.js";
import { createBackfillRecovery, type BackfillRecovery } from "../services/backfill-recovery.service.js";
import { createOrderSyncService, type OrderSyncService } from "../services/order-sync.service.js";
import { createPrivacyService, type DataEraser } from "../services/privacy.service.js";
import {
  createWebhookIngestService,
  type OrderChangedHook,
  type WebhookIngestService,
} from "../services/webhook-ingest.service.js";

export interface SyncWiring {
  sync: OrderSyncService;
  /** Resumes interrupted backfills: main.ts calls resumeAll() at start-up; the reconcile job uses it too. */
  recovery: BackfillRecovery;
  ingest: WebhookIngestService;
  jobs: Job[];
}

export interface SyncWiringDeps {
  db: Db;
  platforms: PlatformRegistry;
  /** Timing recompute / campaign publisher, called after an order change is stored. */
  onOrderChanged?: OrderChangedHook;
  /** The first fit and publish after a resumed backfill finishes (as after an install's). */
  onBackfilled?: (shop: string) => Promise<void>;
  /** Other features' tables to clear on uninstall and redact requests. */
  erasers?: DataEraser[];
  /**
   * The job queue: per-customer recomputes after an order change go through it; with `shared` (PostgreSQL, several
   * instances) webhook deliveries and backfill resumes do too, so any instance's workers take them.
   */
  queue?: { jobs: JobQueue; shared: boolean; log?: (message: string) => void };
}

export function createSyncWiring(deps: SyncWiringDeps): SyncWiring {
  const { db, platforms, erasers, queue } = deps;
  const log = queue?.log ?? console.error;
  const onOrderChanged =
    queue && deps.onOrderChanged ? queuedOrderChanged(queue.jobs, deps.onOrderChanged, log) : deps.onOrderChanged;
  const shared = queue?.shared ? queue.jobs : undefined;
  const privacy = createPrivacyService({ db, erasers });
  const applyQueue = shared ? sharedApplyQueue(shared, log) : undefined;
  const ingest = createWebhookIngestService({ db, platforms, privacy, onOrderChanged, applyQueue });
  const sync = createOrderSyncService({ db, platforms, onOrderChanged });
  const listShops = () => listInstalledShops(db);
  let enqueueBackfill: ((shop: string) => Promise<void>) | undefined;
  const recovery = createBackfillRecovery({
    db,
    sync,
    listShops,
    onBackfilled: deps.onBackfilled ?? (async () => undefined),
    enqueue: shared ? (shop) => enqueueBackfill!(shop) : undefined,
  });
  if (shared) enqueueBackfill = queuedBackfills(shared, (shop) => recovery.runShop(shop), log);
  const reconcile = reconcileJob({
    listShops,
    reconcile: (shop) => sync.reconcile(shop),
    resumeBackfill: (shop) => recovery.resumeIfUnfinished(shop),
    retryPendingWebhooks: () => ingest.retryPending(),
  });
  return { sync, recovery, ingest, jobs: [reconcile] };
}
