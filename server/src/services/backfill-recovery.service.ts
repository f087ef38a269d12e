// Interrupted backfills resume by themselves. A crash, kill -9 or failure leaves a shop's sync_state short of
// "live" with its bulk operation or cursor stored; start-up and the reconcile job queue such shops here, and a
// small queue runs their backfills (from where they stopped) in the background, then the first fit and publish.
// A shop whose first full recompute never completed (its process died during it: the shop is "live" with the
// first_recompute_pending marker still set) is owed that recompute the same way; a live shop's backfill returns
// at once, so resuming it just runs the recompute.
import type { Db } from "../db/database.js";
import { clearFirstRecomputePending, findSyncState } from "../db/repositories/sync-state.repository.js";
import type { OrderSyncService } from "./order-sync.service.js";

export interface BackfillRecoveryDeps {
  db: Db;
  sync: Pick<OrderSyncService, "backfill" | "isBackfilling">;
  listShops(): Promise<string[]>;
  /** What a finished first backfill leads to (the pipeline's fit + publish). */
  onBackfilled(shop: string): Promise<void>;
  /** Backfills run at the same time by this queue (each is mostly waiting on Shopify). */
  concurrency?: number;
  /**
   * A shared job queue instead of the in-process one (PostgreSQL, several instances): it runs runShop(shop) on
   * some instance, one shop at a time; a killed instance's backfill is resumed by another.
   */
  enqueue?: (shop: string) => Promise<void>;
  log?: (message: string) => void;
}

export function createBackfillRecovery(deps: BackfillRecoveryDeps) {
  const log = deps.log ?? console.log;
  const concurrency = Math.max(1, deps.concurrency ?? 2);
  const stopping = new AbortController();
  const queued = new Set<string>(); // waiting or running
  const waiting: string[] = [];
  const active = new Set<Promise<void>>();

  /** An installed shop whose backfill began (it has a sync_state) but never reached "live", or whose first full
   *  recompute after it never completed. */
  async function unfinished(shop: string): Promise<boolean> {
    const state = await findSyncState(deps.db, shop);
    return state !== undefined && (state.phase !== "live" || state.first_recompute_pending != null);
  }

  async function resumeOne(shop: string): Promise<void> {
    // Re-checked at run time: it may have finished, or install may be running it, since it was queued.
    if (stopping.signal.aborted || !(await unfinished(shop)) || deps.sync.isBackfilling(shop)) return;
    const startedAt = Date.now();
    try {
      const result = await deps.sync.backfill(shop, { signal: stopping.signal });
      log(
        `backfill of ${shop} resumed and finished via ${result.method}: ${result.orders} orders in ${Date.now() - startedAt} ms`,
      );
      await deps.onBackfilled(shop);
      // Only once the recompute completed: a kill before this line leaves it owed.
      await clearFirstRecomputePending(deps.db, shop);
    } catch (err) {
      if (!stopping.signal.aborted)
        log(
          `resumed backfill of ${shop} failed (next reconcile retries): ${err instanceof Error ? err.message : String(err)}`,
        );
    }
  }

  function pump(): void {
    while (active.size < concurrency && waiting.length > 0) {
      const shop = waiting.shift()!;
      const job: Promise<void> = resumeOne(shop).finally(() => {
        active.delete(job);
        queued.delete(shop);
        pump();
      });
      active.add(job);
    }
  }

  async function idle(): Promise<void> {
    while (active.size > 0) await Promise.all([...active]);
  }

  function enqueue(shop: string): void {
    if (stopping.signal.aborted) return;
    if (deps.enqueue) {
      void deps.enqueue(shop).catch((err: unknown) => log(`could not queue the backfill of ${shop}: ${String(err)}`));
      return;
    }
    if (queued.has(shop)) return;
    queued.add(shop);
    waiting.push(shop);
    pump();
  }

  return {
    /** Start-up: queues every installed shop with an unfinished backfill; returns them (does not wait). */
    async resumeAll(): Promise<string[]> {
      const shops: string[] = [];
      for (const shop of await deps.listShops()) {
        if ((await unfinished(shop)) && !deps.sync.isBackfilling(shop)) {
          enqueue(shop);
          shops.push(shop);
        }
      }
      if (shops.length) log(`resuming unfinished backfills: ${shops.join(", ")}`);
      return shops;
    },

    /**
     * Reconcile job: true when the shop isn't live yet (its backfill is now queued or running), so there is nothing
     * to reconcile. A live shop still owed its first recompute has it queued and is reconciled as usual.
     */
    async resumeIfUnfinished(shop: string): Promise<boolean> {
      if (deps.sync.isBackfilling(shop)) return true;
      if (!(await unfinished(shop))) return false;
      enqueue(shop);
      return (await findSyncState(deps.db, shop))?.phase !== "live";
    },

    /** One shop's resume, as the shared queue's job runs it (re-checked: it may have finished meanwhile). */
    async runShop(shop: string): Promise<void> {
      const job = resumeOne(shop);
      active.add(job);
      await job.finally(() => active.delete(job));
    },

    /** Settles when the queue is empty (tests, shutdown). */
    idle,

    /** Shutdown: aborts running backfills (their state stays resumable) and waits for them. */
    async stop(): Promise<void> {
      stopping.abort(new Error("shutting down"));
      waiting.length = 0;
      await idle();
    },
  };
}

export type BackfillRecovery = ReturnType<typeof createBackfillRecovery>;
