// A stored webhook delivery as the intake writes it before its apply ("received"), for tests that seed the
// webhook_events table directly; each test names only what it varies.
import type { NewWebhookEvent } from "../../server/src/db/repositories/webhook-event.repository.js";

export function receivedDelivery(
  shop: string,
  webhookId: string,
  fields: Partial<NewWebhookEvent> = {},
): NewWebhookEvent {
  return {
    shop_domain: shop,
    webhook_id: webhookId,
    topic: "orders/create",
    event_id: null,
    triggered_at: null,
    received_at: "2026-01-01T00:00:00.000Z",
    status: "received",
    payload: "{}",
    processed_at: null,
    error: null,
    ...fields,
  };
}
