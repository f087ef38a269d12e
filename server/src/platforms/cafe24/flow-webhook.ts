// Cafe24 has no Flow: the same Dangol events go to the webhook URL the merchant sets, signed so their receiver can
// tell them from forgeries and replays. Headers (documented for merchants in extensions/dangol-flow-triggers/README.md):
//   X-Dangol-Event      the event kind (reorder_window_opened, coupon_expiring, customer_lapsed)
//   X-Dangol-Delivery   the occasion key: the same occasion never comes twice with a different key
//   X-Dangol-Timestamp  Unix seconds when sent; receivers should refuse one more than 5 minutes off
//   X-Dangol-Signature  "sha256=" + hex HMAC-SHA256(secret, "<timestamp>.<raw body>")
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FlowEvent } from "../../domain/flow/flow-events.js";
import { PlatformError } from "../../domain/shared/errors.js";
import { type FlowWebhookTarget, webhookUrlProblem } from "../../domain/flow/webhook-url.js";

export function signFlowWebhook(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

/** What a merchant's receiver does (and what the tests check): constant-time compare of the recomputed signature. */
export function verifyFlowWebhook(secret: string, timestamp: string, rawBody: string, signature: string): boolean {
  const expected = Buffer.from(signFlowWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function postFlowWebhook(
  target: FlowWebhookTarget,
  shop: string,
  event: FlowEvent,
  opts: { demo: boolean; now: Date; fetch?: typeof fetch },
): Promise<void> {
  const problem = webhookUrlProblem(target.url, opts.demo);
  if (problem) throw new PlatformError(`Flow webhook URL ${problem}`, false);
  const body = JSON.stringify({ event: event.kind, shop, customer_id: event.customerId, ...event.fields });
  const timestamp = String(Math.floor(opts.now.getTime() / 1000));
  const response = await (opts.fetch ?? fetch)(target.url, {
    method: "POST",
    redirect: "error",
    signal: AbortSignal.timeout(10_000),
    headers: {
      "Content-Type": "application/json",
      "X-Dangol-Event": event.kind,
      "X-Dangol-Delivery": event.occasionKey,
      "X-Dangol-Timestamp": timestamp,
      "X-Dangol-Signature": signFlowWebhook(target.secret, timestamp, body),
    },
    body,
  });
  if (!response.ok) throw new PlatformError(`Flow webhook answered ${response.status}`, response.status >= 500);
}
