// Webhook ingestion: signature first (and a body that proves its topic), then store the delivery once (dedupe on
// X-Shopify-Webhook-Id) and answer; a queue applies it afterwards (Shopify gives up on an answer after 5 s, and a
// burst of deliveries must not each start its own work). Every apply first claims the stored row, so a delivery
// is applied once even when the queue, start-up and the retry job race for it, and one stored by a process that
// died before applying it is picked up at the next start. Order versions older than what we hold are ignored
// (newest updated_at wins), so duplicates and out-of-order deliveries converge on the right state. A delivery that
// fails is retried with capped exponential backoff, then kept as a dead letter the merchant can see and retry.
import type { Db } from "../db/database.js";
import * as orderOwners from "../db/repositories/order-owner.repository.js";
import * as orders from "../db/repositories/order.repository.js";
import * as shops from "../db/repositories/shop.repository.js";
import * as webhookEvents from "../db/repositories/webhook-event.repository.js";
import { NotFoundError, PlatformError, UnauthorizedError } from "../domain/shared/errors.js";
import type { CommercePlatform, PlatformEvent, PlatformId, VerifiedWebhook } from "../platforms/commerce-platform.js";
import type { PlatformRegistry } from "../platforms/registry.js";
import { createInProcessApplyQueue, type DeliveryApplyQueue, type StoredDelivery } from "./delivery-apply-queue.js";
import { createIntakePriority } from "./intake-priority.js";
import { createShopEraseLock } from "./shop-erase-lock.js";
import { createAckGroupCommit } from "./webhook-group-commit.js";
import type { PrivacyService } from "./privacy.service.js";

export type OrderChangedHook = (shop: string, customerId: string) => Promise<void>;

export interface WebhookIngestDeps {
  db: Db;
  /** Each delivery is verified by the platform whose intake it came in on, and applied by its shop's platform. */
  platforms: Pick<PlatformRegistry, "get" | "find">;
  privacy: PrivacyService;
  now?: () => Date;
  /** Called after an order change is stored (timing recompute, campaign publisher), inside the apply queue. */
  onOrderChanged?: OrderChangedHook;
  /** The queue that applies stored deliveries; the default runs them in this process, four at a time. */
  applyQueue?: (apply: (delivery: StoredDelivery) => Promise<void>) => DeliveryApplyQueue;
  log?: (message: string) => void;
  /** How long a queued apply waits for this instance's acknowledgements in flight (intake-priority.ts). */
  applyYieldMaxMs?: number;
  /** How long a batch of deliveries may take to be stored before they are answered 503 (webhook-group-commit.ts). */
  intakeStoreTimeoutMs?: number;
}

/** What the sender is told: stored for applying, or already stored before. */
export type AckOutcome = "accepted" | "duplicate";
export type IngestOutcome = "processed" | "duplicate" | "ignored" | "failed" | "refused";

/** Shopify retries a delivery 8 times over ~4 h; we give a stored one as many tries before it is a dead letter. */
export const MAX_WEBHOOK_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_DELAY_MS = 6 * 3_600_000;
/** A delivery stored a moment ago is probably still being applied by the request that stored it. */
const IN_FLIGHT_GRACE_MS = 60_000;
/** How long a worker holds a claimed delivery; one that dies mid-apply leaves it due again after this. */
const APPLY_LEASE_MS = 5 * 60_000;

/** 1, 2, 4 … minutes after the n-th failed try, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
}

/**
 * When a delivery that failed `attempts` times is tried next, or null to give up (dead letter). A platform that
 * can't be reached (retriable PlatformError) says nothing about the delivery itself, so it backs off but never
 * kills one: only a failure of the delivery's own (bad payload, refused call, bug) counts toward the cap.
 */
export function nextAttemptAt(attempts: number, err: unknown, now: Date): Date | null {
  const retriable = err instanceof PlatformError && err.retriable;
  if (!retriable && attempts >= MAX_WEBHOOK_ATTEMPTS) return null;
  return new Date(now.getTime() + retryDelayMs(attempts));
}

/** Thrown inside apply when an order body is not this shop's: the delivery is refused, not retried. */
class ForeignOrderError extends Error {}

export function createWebhookIngestService(deps: WebhookIngestDeps) {
  const { db, platforms, privacy, now = () => new Date(), log = console.error } = deps;
  // An erase never interleaves with an apply of the same shop (see shop-erase-lock.ts).
  const eraseLock = createShopEraseLock();
  const toEvent = (platform: CommercePlatform, hook: VerifiedWebhook): PlatformEvent =>
    platform.webhookEvent?.(hook) ?? { kind: "ignored" };

  // Awaited inside the apply: the queue's concurrency bounds the recomputes a burst of deliveries starts.
  async function notify(shop: string, customerId: string | null): Promise<void> {
    if (!customerId || !deps.onOrderChanged) return;
    await deps
      .onOrderChanged(shop, customerId)
      .catch((err: unknown) => log(`onOrderChanged(${shop}, ${customerId}) failed: ${String(err)}`));
  }

  async function ownsOrder(platform: CommercePlatform, shop: string, orderId: string): Promise<boolean> {
    return (
      (await orderOwners.listShopsHoldingOrder(db, orderId)).includes(shop) ||
      (await platform.orderBelongsTo(shop, orderId))
    );
  }

  /** Applies one delivery; `changed` is the customer whose order was written (re-predicted once it is marked done). */
  async function apply(
    platform: CommercePlatform,
    hook: VerifiedWebhook,
    event: PlatformEvent,
  ): Promise<{ outcome: "processed" | "ignored"; changed?: string | null }> {
    const shop = hook.shopDomain;
    switch (event.kind) {
      case "order": {
        // Deliveries for a shop that isn't installed (e.g. late ones after uninstall) must not recreate data.
        if (!(await shops.findShop(db, shop))) return { outcome: "ignored" };
        if (!(await ownsOrder(platform, shop, event.order.id)))
          throw new ForeignOrderError(`order ${event.order.id} is not ${shop}'s`);
        const written = await orders.upsertOrders(db, shop, [event.order]);
        return { outcome: "processed", changed: written.length ? event.order.customerId : null };
      }
      case "shop_erase":
        // Shopify signs the body, not its moment: a captured app/uninstalled replayed after a reinstall would
        // still verify. A real uninstall has revoked our token, so a shop we can still reach is not uninstalled.
        if (event.reason === "uninstalled" && (await platform.hasAccess(shop))) {
          log(`app/uninstalled ${hook.webhookId} for ${shop} ignored: the app still has access (replayed or stale)`);
          // Not kept: Cafe24's id is the body's hash, and the real uninstall may come later with the same body.
          await webhookEvents.deleteWebhookEvent(db, shop, hook.webhookId);
          return { outcome: "ignored" };
        }
        await privacy.eraseShop(shop);
        return { outcome: "processed" };
      case "customer_redact":
        await privacy.eraseCustomer(shop, {
          webhookId: hook.webhookId,
          topic: hook.topic,
          customerId: event.customerId,
          orderIds: event.orderIds,
        });
        return { outcome: "processed" };
      case "customers_redact":
        // One privacy request per customer (each is what a later order delivery checks), under its own id.
        for (const customerId of event.customerIds)
          await privacy.eraseCustomer(shop, {
            webhookId: `${hook.webhookId}:${customerId}`,
            topic: hook.topic,
            customerId,
            orderIds: [],
          });
        return { outcome: "processed" };
      case "customer_data_request":
        await privacy.recordDataRequest(shop, {
          webhookId: hook.webhookId,
          topic: hook.topic,
          customerId: event.customerId,
          orderIds: event.orderIds,
        });
        return { outcome: "processed" };
      case "ignored":
        return { outcome: "ignored" };
    }
  }

  /** Applies a stored delivery; `attempts` is how many tries already failed. */
  async function process(
    platform: CommercePlatform,
    hook: VerifiedWebhook,
    event: PlatformEvent,
    attempts: number,
  ): Promise<IngestOutcome> {
    try {
      const { outcome, changed } = await apply(platform, hook, event);
      await webhookEvents.markWebhookProcessed(db, hook.shopDomain, hook.webhookId, now());
      await notify(hook.shopDomain, changed ?? null);
      return outcome;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof ForeignOrderError) {
        log(`webhook ${hook.topic} ${hook.webhookId} for ${hook.shopDomain} refused: ${message}`);
        await webhookEvents.markWebhookRefused(db, hook.shopDomain, hook.webhookId, message, now());
        return "refused";
      }
      // Stored but not applied (the sender already has its 200: the payload is safe with us); retryPending picks it up.
      const next = nextAttemptAt(attempts + 1, err, now());
      log(
        `webhook ${hook.topic} ${hook.webhookId} for ${hook.shopDomain} failed (try ${attempts + 1}${next ? "" : ", giving up"}): ${message}`,
      );
      await webhookEvents
        .markWebhookFailed(db, hook.shopDomain, hook.webhookId, {
          error: message,
          attempts: attempts + 1,
          nextAttemptAt: next,
        })
        .catch(() => undefined);
      return "failed";
    }
  }

  function storedHook(row: webhookEvents.WebhookEventRow): VerifiedWebhook {
    return {
      topic: row.topic,
      shopDomain: row.shop_domain,
      webhookId: row.webhook_id,
      eventId: row.event_id,
      triggeredAt: row.triggered_at ? new Date(row.triggered_at) : null,
      apiVersion: null,
      payload: row.payload ? JSON.parse(row.payload) : null,
    };
  }

  /** One more try of a stored delivery. */
  async function retry(row: webhookEvents.WebhookEventRow): Promise<IngestOutcome> {
    // The stored row doesn't say which platform sent it; the shop's row does. A shop we hold no row for was never
    // installed or is erased, so it holds nothing a delivery could write or erase.
    const platform = await platforms.find(row.shop_domain);
    if (!platform) {
      log(`webhook ${row.topic} ${row.webhook_id} for ${row.shop_domain} ignored: the shop is not installed`);
      await webhookEvents.markWebhookProcessed(db, row.shop_domain, row.webhook_id, now());
      return "ignored";
    }
    let hook: VerifiedWebhook;
    let event: PlatformEvent;
    try {
      hook = storedHook(row);
      event = platform.loadWebhookEvent ? await platform.loadWebhookEvent(hook) : toEvent(platform, hook);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const next = nextAttemptAt(row.attempts + 1, err, now());
      await webhookEvents.markWebhookFailed(db, row.shop_domain, row.webhook_id, {
        error: message,
        attempts: row.attempts + 1,
        nextAttemptAt: next,
      });
      return "failed";
    }
    const erases = event.kind === "customer_redact" || event.kind === "customers_redact" || event.kind === "shop_erase";
    return (erases ? eraseLock.exclusive : eraseLock.shared)(row.shop_domain, async () => {
      // A customer erased after this delivery arrived stays erased: drop the stale order instead of reviving them.
      const customerId = event.kind === "order" ? event.order.customerId : null;
      if (customerId && (await webhookEvents.customerRedactedSince(db, row.shop_domain, customerId, row.received_at))) {
        await webhookEvents.markWebhookProcessed(db, row.shop_domain, row.webhook_id, now());
        return "ignored";
      }
      return process(platform, hook, event, row.attempts);
    });
  }

  /** A stored delivery handed over by the queue: applied only if this worker wins its claim. */
  async function applyStored(delivery: StoredDelivery, fresh: boolean): Promise<IngestOutcome | undefined> {
    const at = now();
    // A resumed queue job: the run that claimed it is gone, so its lease (which ends at most APPLY_LEASE_MS from
    // now) is taken over at once instead of waiting for it to run out and the retry job to come by.
    const takeover = delivery.resumed === true;
    const row = await webhookEvents.claimWebhookEvent(db, delivery.shop, delivery.webhookId, {
      now: takeover ? new Date(at.getTime() + APPLY_LEASE_MS) : at,
      leaseUntil: new Date(at.getTime() + APPLY_LEASE_MS),
      fresh: fresh && !takeover,
    });
    return row ? retry(row) : undefined;
  }

  const intake = createAckGroupCommit(db, log, deps.intakeStoreTimeoutMs);
  // Queued applies give way to the acknowledgements running on this instance (intake-priority.ts).
  const priority = createIntakePriority(deps.applyYieldMaxMs);
  const queue = (deps.applyQueue ?? ((run) => createInProcessApplyQueue(run, { concurrency: 4, log })))(
    async (delivery) => {
      await priority.quiet();
      await applyStored(delivery, true);
    },
  );

  /** Verifies and stores one delivery (see ingest). */
  async function acknowledge(
    platformId: PlatformId,
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<AckOutcome> {
    const platform = platforms.get(platformId);
    const hook = await platform.verifyWebhook(rawBody, headers);
    if (!hook) throw new UnauthorizedError("Webhook signature is missing or invalid");
    const event = toEvent(platform, hook); // 400 before anything is stored
    const receivedAt = now();
    // Checked (a shop on another platform, an order id another shop holds: 401) and stored with the deliveries
    // verified meanwhile (webhook-group-commit.ts).
    const stored = await intake.store({
      platformId,
      orderId: event.kind === "order" ? event.order.id : null,
      row: {
        shop_domain: hook.shopDomain,
        webhook_id: hook.webhookId,
        topic: hook.topic,
        event_id: hook.eventId,
        triggered_at: hook.triggeredAt?.toISOString() ?? null,
        received_at: receivedAt.toISOString(),
        status: "received",
        payload: rawBody.toString("utf8"),
        processed_at: null,
        error: null,
        next_attempt_at: new Date(receivedAt.getTime() + IN_FLIGHT_GRACE_MS).toISOString(),
      },
    });
    if (stored === "duplicate") return "duplicate";
    queue.enqueue({ shop: hook.shopDomain, webhookId: hook.webhookId });
    return "accepted";
  }

  return {
    /**
     * Verifies a delivery with the platform whose intake received it and stores it; it is applied afterwards by
     * the queue. Throws UnauthorizedError (401) for a
     * missing/forged HMAC, a body that doesn't prove its topic or an order id another shop holds, and
     * ValidationError (400) for bad JSON: all before anything is stored.
     */
    ingest(
      platformId: PlatformId,
      rawBody: Buffer,
      headers: Record<string, string | string[] | undefined>,
    ): Promise<AckOutcome> {
      return priority.ack(() => acknowledge(platformId, rawBody, headers));
    },

    /**
     * Start-up: queues every delivery stored but never started, however recent (a process that died after
     * answering left them; the claim keeps one another instance is applying from being applied twice). Returns how many.
     */
    async resumeStored(options: { limit?: number } = {}): Promise<number> {
      const rows = await webhookEvents.listUnstartedWebhookEvents(db, options.limit ?? 10_000);
      for (const row of rows) queue.enqueue({ shop: row.shop_domain, webhookId: row.webhook_id });
      if (rows.length) log(`applying ${rows.length} webhook deliveries stored before the last stop`);
      return rows.length;
    },

    /**
     * Tries again the deliveries that are due (stored but not applied: crash, failure, a worker's lease run out),
     * soonest due first, at most `limit` of them. Returns how many were due.
     */
    async retryPending(options: { limit?: number } = {}): Promise<number> {
      const rows = await webhookEvents.listDueWebhookEvents(db, now(), options.limit ?? 500);
      for (const row of rows) {
        await applyStored({ shop: row.shop_domain, webhookId: row.webhook_id }, false).catch((err: unknown) =>
          log(`webhook retry ${row.webhook_id} failed: ${String(err)}`),
        );
      }
      return rows.length;
    },

    /** The merchant's "retry" on a dead letter of their own shop: a fresh set of tries, the first one now. */
    async retryDeadLetter(shop: string, webhookId: string): Promise<IngestOutcome> {
      if (!(await webhookEvents.requeueDeadWebhookEvent(db, shop, webhookId, now())))
        throw new NotFoundError(`No dead-letter delivery ${webhookId}`);
      return (await applyStored({ shop, webhookId }, false)) ?? "ignored";
    },

    /** Resolves when every delivery handed to the queue so far has been tried (tests, benchmarks). */
    async idle(): Promise<void> {
      await queue.idle();
      await intake.drain(); // the last webhook times, written after the answers
    },

    /** Shutdown: takes no more deliveries and waits for those being applied; the rest stay stored for the next start. */
    async stop(): Promise<void> {
      await queue.stop();
      await intake.drain();
    },
  };
}

export type WebhookIngestService = ReturnType<typeof createWebhookIngestService>;
