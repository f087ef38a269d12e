// Owned by the sync feature (migration 2026_11_22_0300_sync). Same portable types as core.tables.ts.

export type SyncPhase = "pending" | "bulk" | "paging" | "customers" | "live" | "failed";

/** One row per shop: where the backfill is, so a killed run resumes, and what the status page shows. */
export interface SyncStateTable {
  shop_domain: string;
  phase: SyncPhase;
  /** "bulk" or "pages": how the current/last backfill read orders. */
  method: string | null;
  bulk_operation_id: string | null;
  /** Pagination cursor of the last page fully stored (resume point). */
  cursor: string | null;
  customers_cursor: string | null;
  orders_done: number;
  /** Null while the platform hasn't told us how many orders there are. */
  orders_total: number | null;
  customers_done: number;
  /** Max order updated_at ingested: the reconcile job re-lists from a little before this. */
  watermark: string | null;
  started_at: string | null;
  finished_at: string | null;
  last_webhook_at: string | null;
  last_reconciled_at: string | null;
  error: string | null;
  /**
   * 1 from the write that makes the shop "live" until its first full recompute has completed; recovery runs that
   * recompute again while it is set (migration 2026_12_03_1100_first_recompute_pending).
   */
  first_recompute_pending: number | null;
  updated_at: string;
}

/** Every verified webhook delivery, keyed by X-Shopify-Webhook-Id for at-least-once dedupe. */
export interface WebhookEventsTable {
  shop_domain: string;
  webhook_id: string;
  topic: string;
  event_id: string | null;
  triggered_at: string | null;
  received_at: string;
  /**
   * "received" → "applying" (claimed by a worker until next_attempt_at) → "processed" | "failed" (retried with
   * backoff) → "dead" (gave up: shown to the merchant), or "refused" (an order body this shop does not own;
   * nothing written, payload dropped).
   */
  status: string;
  /** JSON body until processed; cleared afterwards so customer data isn't kept twice. */
  payload: string | null;
  processed_at: string | null;
  error: string | null;
  /** Failed tries so far (migration 2026_12_02_0100_webhook_retries). */
  attempts: number;
  /** When the next try is due; null once the delivery is settled (processed, refused or dead). */
  next_attempt_at: string | null;
}

/** Compliance requests (customers/data_request, customers/redact, shop/redact) we received and acted on. */
export interface PrivacyRequestsTable {
  shop_domain: string;
  webhook_id: string;
  topic: string;
  customer_id: string | null;
  /** JSON array of order ids named in the request. */
  orders_requested: string;
  received_at: string;
  completed_at: string | null;
}

export interface SyncTables {
  sync_state: SyncStateTable;
  webhook_events: WebhookEventsTable;
  privacy_requests: PrivacyRequestsTable;
}
