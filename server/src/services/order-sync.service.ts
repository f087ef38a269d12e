// Order sync: backfill (bulk export first, cursor pagination as fallback, resumable from sync_state), a
// reconcile pass that re-lists orders updated since the watermark to catch missed webhooks, and status.
import type { Db } from "../db/database.js";
import * as customers from "../db/repositories/customer.repository.js";
import * as orders from "../db/repositories/order.repository.js";
import * as syncState from "../db/repositories/sync-state.repository.js";
import * as webhookEvents from "../db/repositories/webhook-event.repository.js";
import type { SyncPhase } from "../db/tables/sync.tables.js";
import type { Order } from "../domain/orders/order.js";
import type { BulkExportStatus, CommercePlatform, PlatformCustomer } from "../platforms/commerce-platform.js";
import type { PlatformLookup } from "../platforms/registry.js";
import { type RangedExport, createdRanges, decodeRangedExport, encodeRangedExport } from "./bulk-order-ranges.js";
import { pageThroughCustomers, pageThroughOrders } from "./sync-paging.js";

export interface OrderSyncDeps {
  db: Db;
  /** Each shop is synced through its own platform. */
  platforms: PlatformLookup;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** How often to poll a running bulk export. */
  bulkPollMs?: number;
  /** Orders per upsert transaction. */
  batchSize?: number;
  pageSize?: number;
  /** Re-list this far before the watermark: clock skew and late writes. */
  reconcileOverlapMs?: number;
  onOrderChanged?: (shop: string, customerId: string) => Promise<void>;
  log?: (message: string) => void;
}

export interface BackfillResult {
  method: "bulk" | "pages";
  orders: number;
  customers: number;
}

export interface BackfillOptions {
  force?: boolean;
  signal?: AbortSignal;
}

/** Where an unfinished backfill picks up again; null = start over. A failed run resumes from what it stored. */
function resumePhase(state: syncState.SyncState | undefined): SyncPhase | null {
  if (!state || state.phase === "live" || state.phase === "pending") return null;
  if (state.phase !== "failed") return state.phase;
  if (state.customers_cursor) return "customers";
  if (state.method === "pages" && state.cursor) return "paging";
  if (state.bulk_operation_id) return "bulk";
  return null;
}

/** customers_cursor holds a customer export's id behind this mark while it runs (a paging cursor otherwise). */
const CUSTOMER_BULK_MARK = "bulk-operation:";

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createOrderSyncService(deps: OrderSyncDeps) {
  const { db } = deps;
  const platformOf = (shop: string) => deps.platforms.for(shop);
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const batchSize = deps.batchSize ?? 500;
  const log = deps.log ?? console.log;
  const pollMs = deps.bulkPollMs ?? 1000;
  const save = (shop: string, patch: syncState.SyncStatePatch) => syncState.saveSyncState(db, shop, patch, now());

  /**
   * Stores orders as the platform lists them, except those of a customer erased after placing them: the platform
   * still lists them (Cafe24's reconcile re-reads 30 days of orders), and storing them would undo the erase.
   */
  async function upsertListed(shop: string, list: Order[]): Promise<string[]> {
    const ids = [...new Set(list.flatMap((o) => (o.customerId ? [o.customerId] : [])))];
    const erased = await webhookEvents.customersRedactedAt(db, shop, ids);
    const kept = erased.size
      ? list.filter((o) => {
          const at = o.customerId ? erased.get(o.customerId) : undefined;
          return at === undefined || o.processedAt.getTime() > Date.parse(at);
        })
      : list;
    return orders.upsertOrders(db, shop, kept);
  }

  /** Waits for a bulk export to finish: polls quickly at first (small exports take a second), then every bulkPollMs. */
  async function awaitBulk(shop: string, opId: string, signal?: AbortSignal): Promise<BulkExportStatus> {
    const platform = await platformOf(shop);
    for (let waitMs = Math.min(200, pollMs); ; waitMs = Math.min(waitMs * 2, pollMs)) {
      signal?.throwIfAborted();
      const status = await platform.getBulkExport(shop, opId);
      if (status.state === "failed") throw new Error(`bulk export ${opId} ${status.errorCode ?? "failed"}`);
      if (status.state === "completed") return status;
      await sleep(waitMs);
    }
  }

  /**
   * Waits for one bulk export and streams it in; returns the orders stored so far, `doneBefore` included. Throws
   * when it failed, expired, vanished or can't be read. Re-reading after a crash is safe: upserts are keyed by
   * (shop, order id).
   */
  async function importBulk(shop: string, opId: string, doneBefore: number, signal?: AbortSignal): Promise<number> {
    const platform = await platformOf(shop);
    await awaitBulk(shop, opId, signal);
    let done = doneBefore;
    let batch: Order[] = [];
    for await (const order of platform.readBulkExport(shop, opId)) {
      batch.push(order);
      if (batch.length >= batchSize) {
        signal?.throwIfAborted();
        await upsertListed(shop, batch);
        done += batch.length;
        batch = [];
        await save(shop, { orders_done: done });
      }
    }
    await upsertListed(shop, batch);
    done += batch.length;
    const total = (await syncState.findSyncState(db, shop))?.orders_total ?? 0;
    await save(shop, { orders_done: done, orders_total: Math.max(done, total) });
    return done;
  }

  /**
   * Bulk exports by created_at range (bulk-order-ranges.ts), resuming a stored one; false when bulk isn't usable
   * (the caller pages instead). Each range's export is started before the previous one is read.
   */
  async function backfillWithBulk(shop: string, signal?: AbortSignal): Promise<boolean> {
    const platform = await platformOf(shop);
    if (!platform.capabilities.bulkExport) return false;
    // The customer export runs beside the orders' (Shopify runs up to 5 bulk queries per shop), ready when needed.
    prestartCustomerExport(platform, shop);
    const stored = (await syncState.findSyncState(db, shop))?.bulk_operation_id ?? null;
    let at: RangedExport | null = decodeRangedExport(stored);
    if (stored && !at && (await importStoredWholeExport(shop, stored, signal))) return true;
    try {
      at ??= await startRangedBackfill(shop);
    } catch (err) {
      if (signal?.aborted) throw err;
      log(`bulk export for ${shop} unavailable (${messageOf(err)}); falling back to pagination`);
      return false;
    }
    const ranges = createdRanges(new Date(at.anchor));
    let retried = false;
    for (;;) {
      let done: number;
      try {
        // The next range's export is built while this one is read and stored.
        // (Refused, e.g. too many running: started once this one is stored.)
        if (!at.next && at.range + 1 < ranges.length) {
          const next: { id: string } | null = await platform
            .startBulkExport(shop, ranges[at.range + 1])
            .catch(() => null);
          if (next) at = { ...at, next: next.id };
          if (next) await save(shop, { bulk_operation_id: encodeRangedExport(at) });
        }
        done = await importBulk(shop, at.id, at.doneBefore, signal);
      } catch (err) {
        if (signal?.aborted) throw err;
        // Lost, expired or failed (a restart, an expired file): one fresh export of this range beats paging. The
        // next range's export went with it (same cause): it is started again too, never trusted by its old id.
        const again: { id: string } | null = retried
          ? null
          : await platform.startBulkExport(shop, ranges[at.range]).catch(() => null);
        if (!again) {
          log(`bulk export for ${shop} unavailable (${messageOf(err)}); falling back to pagination`);
          return false;
        }
        log(`bulk export ${at.id} for ${shop} is unusable (${messageOf(err)}); started a new one`);
        at = { ...at, id: again.id, next: null };
        retried = true;
        await save(shop, { bulk_operation_id: encodeRangedExport(at), orders_done: at.doneBefore });
        continue;
      }
      if (at.range + 1 >= ranges.length) return true;
      // This range is stored: a refused start of the next one must not export this one again.
      const nextId: string | null = at.next ?? (await startNextRange(platform, shop, ranges[at.range + 1]));
      if (!nextId) return false;
      at = { ...at, range: at.range + 1, id: nextId, next: null, doneBefore: done };
      retried = false;
      await save(shop, { bulk_operation_id: encodeRangedExport(at), orders_done: at.doneBefore });
    }
  }

  /** The next range's export, or null (logged) when the platform refuses it: the caller pages then. */
  async function startNextRange(
    platform: Awaited<ReturnType<typeof platformOf>>,
    shop: string,
    range: Parameters<typeof platform.startBulkExport>[1],
  ): Promise<string | null> {
    try {
      return (await platform.startBulkExport(shop, range)).id;
    } catch (err) {
      log(`bulk export for ${shop} unavailable (${messageOf(err)}); falling back to pagination`);
      return null;
    }
  }

  /** The first range's export, with the total for a percentage (ranges have no single rootObjectCount). */
  async function startRangedBackfill(shop: string): Promise<RangedExport> {
    const platform = await platformOf(shop);
    const anchor = now();
    const first = await platform.startBulkExport(shop, createdRanges(anchor)[0]);
    const at: RangedExport = { anchor: anchor.toISOString(), range: 0, id: first.id, next: null, doneBefore: 0 };
    await save(shop, {
      phase: "bulk",
      method: "bulk",
      bulk_operation_id: encodeRangedExport(at),
      orders_done: 0,
      orders_total: await countOrdersOrNull(shop),
      error: null,
    });
    return at;
  }

  /** A whole-shop export an earlier version stored; false when it can't be read (ranges start over then). */
  async function importStoredWholeExport(shop: string, stored: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await importBulk(shop, stored, 0, signal);
      return true;
    } catch (err) {
      if (signal?.aborted) throw err;
      log(`stored bulk export ${stored} for ${shop} is unusable (${messageOf(err)}); starting a new one`);
      return false;
    }
  }

  async function backfillWithPages(shop: string, signal?: AbortSignal): Promise<void> {
    const platform = await platformOf(shop);
    const state = await syncState.findSyncState(db, shop);
    const resuming = state?.method === "pages" && state.phase === "paging";
    if (!resuming) {
      await save(shop, {
        phase: "paging",
        method: "pages",
        cursor: null,
        orders_done: 0,
        orders_total: await countOrdersOrNull(shop),
        error: null,
      });
    } else if (state.orders_total == null) {
      // A total lets the status show a percentage; the count runs again if a resumed run never had one.
      await save(shop, { orders_total: await countOrdersOrNull(shop) });
    }
    await pageThroughOrders(
      {
        platform,
        shop,
        pageSize: deps.pageSize,
        signal,
        startCursor: resuming ? state.cursor : null,
        startDone: resuming ? state.orders_done : 0,
      },
      async (page, cursor, done) => {
        await upsertListed(shop, page);
        // The cursor is saved only after its page is stored: a crash re-reads at most one page, never skips one.
        await save(shop, { cursor, orders_done: done });
      },
    );
  }

  async function countOrdersOrNull(shop: string): Promise<number | null> {
    const platform = await platformOf(shop);
    return (await platform.countOrders?.(shop, {}).catch(() => null)) ?? null;
  }

  // Customer exports started beside an orders export, by shop; in memory only (a restart starts a new one).
  const customerExports = new Map<string, Promise<string | null>>();

  function prestartCustomerExport(platform: CommercePlatform, shop: string): void {
    if (!platform.startCustomerBulkExport || customerExports.has(shop)) return;
    const started = platform.startCustomerBulkExport(shop, {}).then(
      (op) => op.id,
      () => null, // started again (or paged) when the customer phase comes
    );
    customerExports.set(shop, started);
  }

  async function importCustomerBulk(shop: string, opId: string, signal?: AbortSignal): Promise<void> {
    const platform = await platformOf(shop);
    await save(shop, { customers_cursor: `${CUSTOMER_BULK_MARK}${opId}`, customers_done: 0 });
    await awaitBulk(shop, opId, signal);
    let done = 0;
    let batch: PlatformCustomer[] = [];
    const store = async () => {
      signal?.throwIfAborted();
      await customers.upsertCustomers(db, shop, batch);
      done += batch.length;
      batch = [];
      await save(shop, { customers_done: done });
    };
    for await (const customer of platform.readCustomerBulkExport!(shop, opId)) {
      batch.push(customer);
      if (batch.length >= batchSize) await store();
    }
    await store();
  }

  /** Customers by bulk export: the stored or pre-started one, else a new one. False when bulk isn't usable. */
  async function backfillCustomersWithBulk(shop: string, signal?: AbortSignal): Promise<boolean> {
    const platform = await platformOf(shop);
    if (!platform.startCustomerBulkExport || !platform.readCustomerBulkExport) return false;
    const cursor = (await syncState.findSyncState(db, shop))?.customers_cursor;
    const prestarted = customerExports.get(shop);
    customerExports.delete(shop);
    const known = cursor?.startsWith(CUSTOMER_BULK_MARK) ? cursor.slice(CUSTOMER_BULK_MARK.length) : await prestarted;
    if (known) {
      try {
        await importCustomerBulk(shop, known, signal);
        return true;
      } catch (err) {
        if (signal?.aborted) throw err;
        log(`customer export ${known} for ${shop} is unusable (${messageOf(err)}); starting a new one`);
      }
    }
    try {
      await importCustomerBulk(shop, (await platform.startCustomerBulkExport(shop, {})).id, signal);
      return true;
    } catch (err) {
      if (signal?.aborted) throw err;
      log(`customer export for ${shop} unavailable (${messageOf(err)}); paging customers instead`);
      return false;
    }
  }

  async function backfillCustomers(shop: string, signal?: AbortSignal): Promise<void> {
    const platform = await platformOf(shop);
    let state = await syncState.findSyncState(db, shop);
    if (state?.phase !== "customers")
      await save(shop, { phase: "customers", customers_cursor: null, customers_done: 0 });
    state = await syncState.findSyncState(db, shop);
    const pagingCursor = state?.customers_cursor?.startsWith(CUSTOMER_BULK_MARK) ? null : state?.customers_cursor;
    if (!pagingCursor) {
      if (await backfillCustomersWithBulk(shop, signal)) return;
      await save(shop, { customers_cursor: null, customers_done: 0 });
    }
    await pageThroughCustomers(
      {
        platform,
        shop,
        signal,
        startCursor: pagingCursor ?? null,
        startDone: pagingCursor ? (state?.customers_done ?? 0) : 0,
      },
      async (page, cursor, done) => {
        await customers.upsertCustomers(db, shop, page);
        await save(shop, { customers_cursor: cursor, customers_done: done });
      },
    );
  }

  async function runBackfill(shop: string, options: BackfillOptions): Promise<BackfillResult> {
    const state = await syncState.findSyncState(db, shop);
    if (state?.phase === "live" && !options.force) {
      return {
        method: (state.method as "bulk" | "pages") ?? "pages",
        orders: state.orders_done,
        customers: state.customers_done,
      };
    }
    const resumeAt = options.force ? null : resumePhase(state);
    if (!resumeAt) {
      await save(shop, {
        phase: "bulk",
        method: null,
        bulk_operation_id: null,
        cursor: null,
        customers_cursor: null,
        orders_done: 0,
        orders_total: null,
        customers_done: 0,
        started_at: now().toISOString(),
        finished_at: null,
        error: null,
      });
    } else if (resumeAt !== state?.phase) {
      await save(shop, { phase: resumeAt, error: null });
    }
    try {
      const current = await syncState.findSyncState(db, shop);
      let method: "bulk" | "pages" = current?.method === "pages" ? "pages" : "bulk";
      if (current?.phase !== "customers") {
        if (method === "bulk" && !(await backfillWithBulk(shop, options.signal))) method = "pages";
        if (method === "pages") await backfillWithPages(shop, options.signal);
      } else {
        method = (current.method as "bulk" | "pages") ?? "pages";
      }
      await backfillCustomers(shop, options.signal);
      const watermark = await orders.maxOrderUpdatedAt(db, shop);
      const counts = await orders.countOrders(db, shop);
      // "live" and "the first full recompute is owed" in one write: a process killed before that recompute
      // completes leaves the marker, and recovery runs it (backfill-recovery.service.ts).
      await save(shop, {
        phase: "live",
        first_recompute_pending: 1,
        watermark,
        finished_at: now().toISOString(),
        orders_done: counts.total,
        orders_total: counts.total,
        error: null,
      });
      return { method, orders: counts.total, customers: await customers.countCustomers(db, shop) };
    } catch (err) {
      if (!options.signal?.aborted) await save(shop, { phase: "failed", error: messageOf(err) });
      throw err;
    }
  }

  // One backfill per shop at a time in this process: install, start-up recovery and the reconcile job share it.
  const running = new Map<string, Promise<BackfillResult>>();
  // Shutdown aborts every backfill at its next checkpoint (a stored batch or page), leaving it resumable.
  const stopping = new AbortController();
  const withStop = (signal?: AbortSignal) => (signal ? AbortSignal.any([signal, stopping.signal]) : stopping.signal);

  return {
    /**
     * Full import of a shop's orders and customers. Safe to call again after a crash or a failure: it resumes
     * from the stored bulk operation or cursor. A shop already live is left alone unless `force`. A call while
     * the shop's backfill is running joins that run.
     */
    backfill(shop: string, options: BackfillOptions = {}): Promise<BackfillResult> {
      let run = running.get(shop);
      if (!run) {
        run = runBackfill(shop, { ...options, signal: withStop(options.signal) }).finally(() => {
          running.delete(shop);
          customerExports.delete(shop); // one a failed run started is not read; the next run starts its own
        });
        running.set(shop, run);
      }
      return run;
    },

    /** True while this process runs the shop's backfill. */
    isBackfilling(shop: string): boolean {
      return running.has(shop);
    },

    /** Re-lists orders and customers updated since the watermark (minus an overlap) and stores newer versions. */
    async reconcile(shop: string): Promise<{ orders: number; changed: number }> {
      const state = await syncState.findSyncState(db, shop);
      if (state?.phase !== "live") return { orders: 0, changed: 0 };
      const platform = await platformOf(shop);
      const overlap = deps.reconcileOverlapMs ?? 5 * 60_000;
      const since = state.watermark ? new Date(new Date(state.watermark).getTime() - overlap) : undefined;
      let seen = 0;
      let changed = 0;
      await pageThroughOrders(
        { platform, shop, pageSize: deps.pageSize, updatedSince: since, signal: stopping.signal },
        async (page) => {
          seen += page.length;
          const written = new Set(await upsertListed(shop, page));
          changed += written.size;
          const touched = new Set(page.filter((o) => written.has(o.id) && o.customerId).map((o) => o.customerId!));
          for (const customerId of touched) await deps.onOrderChanged?.(shop, customerId);
        },
      );
      await pageThroughCustomers({ platform, shop, updatedSince: since, signal: stopping.signal }, (page) =>
        customers.upsertCustomers(db, shop, page),
      );
      await save(shop, {
        watermark: await orders.maxOrderUpdatedAt(db, shop),
        last_reconciled_at: now().toISOString(),
      });
      return { orders: seen, changed };
    },

    /** Shutdown: running backfills and reconciles stop at their next checkpoint; resolves once they have. */
    async stop(): Promise<void> {
      stopping.abort(new Error("shutting down"));
      await Promise.allSettled([...running.values()]);
    },
  };
}

export type OrderSyncService = ReturnType<typeof createOrderSyncService>;
