// Cafe24 webhooks carry no signature: the app's key arrives in `x-api-key` and must match the one configured in
// the Developer Center (Cafe24 asks apps to answer 403 otherwise). Two body shapes exist: order events
// `{event_no, resource: {mall_id, order_id, ...}}` and app events `{resource_type: "APP", event_type, resource}`.
// Cafe24 sends no delivery id, so the body's SHA-256 stands in for one (an identical redelivery dedupes).
import { createHash, timingSafeEqual } from "node:crypto";
import type { PlatformEvent, VerifiedWebhook } from "../commerce-platform.js";
import { ValidationError } from "../../domain/shared/errors.js";
import { MALL_ID_PATTERN } from "./launch-hmac.js";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether `x-api-key` is the app's key, compared in constant time (digests: equal lengths whatever is sent). */
export function cafe24WebhookKeyMatches(
  apiKey: string,
  headers: Record<string, string | string[] | undefined>,
): boolean {
  const given = headers["x-api-key"];
  return typeof given === "string" && timingSafeEqual(digest(given), digest(apiKey));
}

export function verifyCafe24Webhook(
  apiKey: string,
  rawBody: Buffer,
  headers: Record<string, string | string[] | undefined>,
): VerifiedWebhook | null {
  if (!cafe24WebhookKeyMatches(apiKey, headers)) return null;
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(rawBody.toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
  // "null", an array or a number parse too: only an object can be an event (a 500 here was a crash, not a 403).
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
  const resource = payload?.resource as Record<string, unknown> | undefined;
  const mallId = resource?.mall_id;
  const topic = payload.event_no ?? payload.event_type;
  // The mall id becomes a host ({mall_id}.cafe24api.com) when the delivery is applied: only a real one passes.
  if (
    typeof mallId !== "string" ||
    !MALL_ID_PATTERN.test(mallId) ||
    (typeof topic !== "number" && typeof topic !== "string")
  )
    return null;
  return {
    topic: String(topic),
    shopDomain: mallId,
    webhookId: createHash("sha256").update(rawBody).digest("hex"),
    eventId: null,
    triggeredAt: null,
    apiVersion: null,
    payload,
  };
}

/**
 * The order id an order event names, or null for other events and for the bulk status events (90071-90074), whose
 * order_id lists several orders ("id1,id2"): those are left to the reconcile, which re-reads recent orders.
 */
export function orderIdOfCafe24Webhook(hook: VerifiedWebhook): string | null {
  const orderId = (hook.payload as { resource?: { order_id?: unknown } }).resource?.order_id;
  return typeof orderId === "string" && orderId && !orderId.includes(",") ? orderId : null;
}

/**
 * 90147, "a customer's account has been deleted from the store": a member withdrew (or the merchant removed them).
 * `resource.member_id` names one member or several, comma-separated ("id1, id2"). Cafe24's sample shows the fields
 * without the `resource` wrapper and no event_no; the wrapped shape, like every other store event, is the one read.
 */
export const CAFE24_EVENT_MEMBER_DELETED = "90147";

/** The members a member-deleted event names; ValidationError when it names none. */
function withdrawnMembers(hook: VerifiedWebhook): string[] {
  const memberId = (hook.payload as { resource?: { member_id?: unknown } }).resource?.member_id;
  const ids = typeof memberId === "string" ? memberId.split(",").map((id) => id.trim()) : [];
  if (ids.length === 0 || ids.some((id) => !/^[\w.@-]{1,50}$/.test(id)))
    throw new ValidationError(`Cafe24 event ${hook.topic} names no valid member_id`);
  return [...new Set(ids)];
}

/**
 * App deletion and expiry erase the mall like Shopify's uninstall; a member's deletion erases the member like
 * customers/redact. Order events name an order but don't carry it: the intake must fetch it (listOrders /
 * orderBelongsTo), so here they are "ignored".
 */
export function cafe24WebhookEvent(hook: VerifiedWebhook): PlatformEvent {
  if (hook.topic === CAFE24_EVENT_MEMBER_DELETED)
    return { kind: "customers_redact", customerIds: withdrawnMembers(hook) };
  if (
    hook.topic === "MALL.APP.DELETED" ||
    hook.topic === "MALL.APP.EXPIRED" ||
    hook.topic === "90077" ||
    hook.topic === "90078"
  )
    return { kind: "shop_erase", reason: "uninstalled" };
  return { kind: "ignored" };
}
