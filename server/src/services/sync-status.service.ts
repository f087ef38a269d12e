// What the admin's sync indicator shows: phase, counts, percent done, the first recompute's progress, last webhook,
// dead-letter deliveries, and how many customers Shopify refused a storefront decision for.
import type { Db } from "../db/database.js";
import * as customers from "../db/repositories/customer.repository.js";
import { countPredictedCustomers, countStoredOrders } from "../db/repositories/sync-status.repository.js";
import { countPublishErrors } from "../db/repositories/publish-error.repository.js";
import * as syncState from "../db/repositories/sync-state.repository.js";
import * as webhookEvents from "../db/repositories/webhook-event.repository.js";
import type { SyncStatusResponse } from "../contracts/admin-api.js";
import { countHistoryCustomers } from "../db/repositories/timing-history.repository.js";
import { MAX_WEBHOOK_ATTEMPTS } from "./webhook-ingest.service.js";
import type { SyncPhase } from "../db/tables/sync.tables.js";

export interface SyncStatus extends SyncStatusResponse {
  phase: SyncPhase;
  method: string | null;
  /** 0–100 during a backfill when the total is known, 100 once live, else null. */
  percent: number | null;
  excludedOrders: number;
}

const DEAD_LETTERS_LISTED = 20;

const STATE: Record<SyncPhase, SyncStatusResponse["state"]> = {
  pending: "idle",
  bulk: "backfilling",
  paging: "backfilling",
  customers: "backfilling",
  live: "done",
  failed: "failed",
};

export function createSyncStatusService(deps: { db: Db }) {
  return {
    async status(shop: string): Promise<SyncStatus> {
      // Asked together, so they queue for SQLite's one connection back to back: a running backfill's next batch
      // waits behind them instead of every query waiting behind a batch (status checks stalled for seconds).
      const [state, counts, dead, customerCount, unpublished] = await Promise.all([
        syncState.findSyncState(deps.db, shop),
        countStoredOrders(deps.db, shop),
        webhookEvents.listDeadWebhookEvents(deps.db, shop, DEAD_LETTERS_LISTED),
        customers.countCustomers(deps.db, shop),
        countPublishErrors(deps.db, shop),
      ]);
      const phase: SyncPhase = state?.phase ?? "pending";
      const total = state?.orders_total ?? null;
      const done = state?.orders_done ?? 0;
      const backfilling = STATE[phase] === "backfilling";
      const percent =
        phase === "live" ? 100 : backfilling && total ? Math.min(100, Math.floor((done / total) * 100)) : null;
      // Orders are all in but the first full recompute has not finished: the dashboard is still empty, say why.
      const predicting =
        phase === "live" && state?.first_recompute_pending != null
          ? { ...(await predictingProgress(deps.db, shop)), failed: state.error }
          : null;
      return {
        state: STATE[phase],
        phase,
        method: state?.method ?? null,
        progress: backfilling ? { done, total } : null,
        percent,
        lastWebhookAt: state?.last_webhook_at ?? null,
        lastSyncedAt: state?.last_reconciled_at ?? state?.finished_at ?? null,
        orders: counts.total,
        excludedOrders: counts.excluded,
        customers: customerCount,
        // A live shop's error is the first recompute's, shown with its progress.
        error: predicting ? null : (state?.error ?? null),
        deadLetters: {
          total: dead.total,
          maxAttempts: MAX_WEBHOOK_ATTEMPTS,
          items: dead.items.map((d) => ({
            webhookId: d.webhook_id,
            topic: d.topic,
            receivedAt: d.received_at,
            attempts: d.attempts,
            error: d.error,
          })),
        },
        unpublishedCustomers: unpublished,
        predicting,
      };
    },
  };
}

export type SyncStatusService = ReturnType<typeof createSyncStatusService>;

/** The first recompute's progress: customers predicted so far, of those it predicts (each with a counted order). */
async function predictingProgress(db: Db, shop: string) {
  const [done, total] = await Promise.all([countPredictedCustomers(db, shop), countHistoryCustomers(db, shop)]);
  return { done, total };
}
