// Webhook ingestion: signature first, then store the delivery once (dedupe on X-Shopify-Webhook-Id), then
// apply it. Order versions older than what we hold are ignored (newest updated_at wins), so duplicates and
// out-of-order deliveries converge on the right state.
import type { Db } from "../db/database.js";
import * as orders from "../db/repositories/order.repository.js";
import * as shops from "../db/repositories/shop.repository.js";
import * as syncState from "../db/repositories/sync-state.repository.js";
import * as webhookEvents from "../db/repositories/webhook-event.repository.js";
import { UnauthorizedError } from "../domain/shared/errors.js";
import type { CommercePlatform, PlatformEvent, VerifiedWebhook } from "../platforms/commerce-platform.js";
import type { PrivacyService } from "./privacy.service.js";

export type OrderChangedHook = (shop: string, customerId: string) => Promise<void>;

export interface WebhookIngestDeps {
  db: Db;
  platform: CommercePlatform;
  privacy: PrivacyService;
  now?: () => Date;
  /** Called after an order change is stored (timing recompute, campaign publisher). Never blocks the answer. */
  onOrderChanged?: OrderChangedHook;
  log?: (message: string) => void;
}

export type IngestOutcome = "processed" | "duplicate" | "ignored" | "failed";

export function createWebhookIngestService(deps: WebhookIngestDeps) {
  const { db, platform, privacy, now = () => new Date(), log = console.error } = deps;
  const pendingHooks = new Set<Promise<void>>();
  // last_webhook_at is for the status page: one write per shop per second spares a hot row under bursts.
  const lastSeenWrite = new Map<string, number>();
  const toEvent = (hook: VerifiedWebhook): PlatformEvent => platform.webhookEvent?.(hook) ?? { kind: "ignored" };

  function notify(shop: string, customerId: string | null) {
    if (!customerId || !deps.onOrderChanged) return;
    const p = deps.onOrderChanged(shop, customerId)
      .catch((err: unknown) => log(`onOrderChanged(${shop}, ${customerId}) failed: ${String(err)}`))
      .finally(() => pendingHooks.delete(p));
    pendingHooks.add(p);
  }

  async function apply(hook: VerifiedWebhook, event: PlatformEvent): Promise<"processed" | "ignored"> {
    const shop = hook.shopDomain;
    switch (event.kind) {
      case "order": {
        // Deliveries for a shop that isn't installed (e.g. late ones after uninstall) must not recreate data.
        if (!(await shops.findShop(db, shop))) return "ignored";
        const written = await orders.upsertOrders(db, shop, [event.order]);
        if (written.length) notify(shop, event.order.customerId);
        return "processed";
      }
      case "shop_erase":
        // Shopify signs the body, not its moment: a captured app/uninstalled replayed after a reinstall would
        // still verify. A real uninstall has revoked our token, so a shop we can still reach is not uninstalled.
        if (event.reason === "uninstalled" && (await platform.hasAccess(shop))) {
          log(`app/uninstalled ${hook.webhookId} for ${shop} ignored: the app still has access (replayed or stale)`);
          return "ignored";
        }
        await privacy.eraseShop(shop);
        return "processed";
      case "customer_redact":
        await privacy.eraseCustomer(shop, { webhookId: hook.webhookId, topic: hook.topic, customerId: event.customerId, orderIds: event.orderIds });
        return "processed";
      case "customer_data_request":
        await privacy.recordDataRequest(shop, { webhookId: hook.webhookId, topic: hook.topic, customerId: event.customerId, orderIds: event.orderIds });
        return "processed";
      case "ignored":
        return "ignored";
    }
  }

  async function process(hook: VerifiedWebhook, event: PlatformEvent): Promise<IngestOutcome> {
    try {
      const outcome = await apply(hook, event);
      await webhookEvents.markWebhookProcessed(db, hook.shopDomain, hook.webhookId, now());
      return outcome;
    } catch (err) {
      // Stored but not applied: we still answer 200 (the payload is safe with us); retryPending picks it up.
      const message = err instanceof Error ? err.message : String(err);
      log(`webhook ${hook.topic} ${hook.webhookId} for ${hook.shopDomain} failed: ${message}`);
      await webhookEvents.markWebhookFailed(db, hook.shopDomain, hook.webhookId, message).catch(() => undefined);
      return "failed";
    }
  }

  return {
    /** Throws UnauthorizedError (401) for a missing/forged HMAC and ValidationError (400) for bad JSON. */
    async ingest(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Promise<IngestOutcome> {
      const hook = await platform.verifyWebhook(rawBody, headers);
      if (!hook) throw new UnauthorizedError("Webhook signature is missing or invalid");
      const event = toEvent(hook); // 400 before anything is stored
      const receivedAt = now();
      const fresh = await webhookEvents.insertWebhookEvent(db, {
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
      });
      if (!fresh) return "duplicate";
      if (receivedAt.getTime() - (lastSeenWrite.get(hook.shopDomain) ?? 0) >= 1000) {
        lastSeenWrite.set(hook.shopDomain, receivedAt.getTime());
        await syncState.recordWebhookSeen(db, hook.shopDomain, receivedAt);
      }
      return process(hook, event);
    },

    /** Re-applies deliveries that were stored but not processed (crash, transient failure). */
    async retryPending(olderThanMs = 60_000, limit = 500): Promise<number> {
      const rows = await webhookEvents.listPendingWebhookEvents(db, new Date(now().getTime() - olderThanMs), limit);
      for (const row of rows) {
        const hook: VerifiedWebhook = {
          topic: row.topic,
          shopDomain: row.shop_domain,
          webhookId: row.webhook_id,
          eventId: row.event_id,
          triggeredAt: row.triggered_at ? new Date(row.triggered_at) : null,
          apiVersion: null,
          payload: row.payload ? JSON.parse(row.payload) : null,
        };
        const event = toEvent(hook);
        // A customer erased after this delivery arrived stays erased: drop the stale order instead of reviving them.
        const customerId = event.kind === "order" ? event.order.customerId : null;
        if (customerId && (await webhookEvents.customerRedactedSince(db, row.shop_domain, customerId, row.received_at))) {
          await webhookEvents.markWebhookProcessed(db, row.shop_domain, row.webhook_id, now());
          continue;
        }
        await process(hook, event).catch(() => undefined);
      }
      return rows.length;
    },

    /** Resolves when every onOrderChanged call started so far has settled (tests, shutdown). */
    async idle(): Promise<void> {
      while (pendingHooks.size) await Promise.allSettled([...pendingHooks]);
    },
  };
}

export type WebhookIngestService = ReturnType<typeof createWebhookIngestService>;
