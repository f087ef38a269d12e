// Webhook signature check through shopify-api's own validator (the app proxy's is in app-proxy-verifier.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Shopify } from "@shopify/shopify-api";
import { ValidationError } from "../../domain/shared/errors.js";
import type { VerifiedWebhook } from "../commerce-platform.js";
import { bodyProvesTopic } from "./webhook-events.js";

type RawHeaders = Record<string, string | string[] | undefined>;

function header(headers: RawHeaders, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key ? headers[key] : undefined;
  return Array.isArray(value) ? value[0] : value;
}

/**
 * HMAC-SHA256 (base64) of the raw body with the app secret, plus the required headers. Returns null for a
 * missing or forged signature, or unsigned headers the body does not prove (topic, shop); throws ValidationError (400) for a signed
 * body that is not JSON.
 */
export async function verifyWebhook(
  api: Shopify,
  rawBody: Buffer,
  headers: RawHeaders,
): Promise<VerifiedWebhook | null> {
  if (rawBody.length === 0) return null;
  const result = await api.webhooks.validate({
    rawBody: rawBody.toString("utf8"),
    rawRequest: { headers, method: "POST", url: "/api/webhooks" } as unknown as IncomingMessage,
    rawResponse: {} as ServerResponse,
  });
  if (!result.valid) return null;
  // The HMAC covers the body only: the shop header must at least be a shop domain.
  if (api.utils.sanitizeShop(result.domain) !== result.domain) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new ValidationError("Webhook body is not valid JSON");
  }
  // shopify-api normalizes the topic to ORDERS_CREATE; keep Shopify's own "orders/create" spelling.
  const topic = header(headers, "x-shopify-topic") ?? result.topic;
  // The topic header is unsigned: the body must prove the topic's kind (and name this shop where it names one).
  if (!bodyProvesTopic(topic, payload, result.domain)) return null;
  const triggeredAt = header(headers, "x-shopify-triggered-at");
  return {
    topic,
    shopDomain: result.domain,
    webhookId: result.webhookId,
    eventId: header(headers, "x-shopify-event-id") ?? null,
    triggeredAt: triggeredAt && !Number.isNaN(Date.parse(triggeredAt)) ? new Date(triggeredAt) : null,
    apiVersion: result.apiVersion ?? null,
    payload,
  };
}
