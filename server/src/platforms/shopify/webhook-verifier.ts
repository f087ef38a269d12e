// Webhook signature check, the same one shopify-api's webhooks.validate makes (the app proxy's is in
// app-proxy-verifier.ts), with node:crypto in one synchronous call. shopify-api's goes through WebCrypto (a key
// import and an async sign per delivery) and canonicalizes every header name for each header it reads: in a
// burst of 3,000 deliveries on three instances that was about a quarter of the app's CPU while answering.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Shopify } from "@shopify/shopify-api";
import { ValidationError } from "../../domain/shared/errors.js";
import type { VerifiedWebhook } from "../commerce-platform.js";
import { bodyProvesTopic } from "./webhook-events.js";

type RawHeaders = Record<string, string | string[] | undefined>;

/** The headers a delivery must carry, as shopify-api names them: webhooks' X-Shopify-*, events' Shopify-*. */
const REQUIRED = {
  webhooks: [
    "x-shopify-hmac-sha256",
    "x-shopify-topic",
    "x-shopify-shop-domain",
    "x-shopify-api-version",
    "x-shopify-webhook-id",
  ],
  events: [
    "shopify-hmac-sha256",
    "shopify-topic",
    "shopify-shop-domain",
    "shopify-api-version",
    "shopify-webhook-id",
    "shopify-event-id",
  ],
} as const;

/** Header values by lower-case name (first value of a repeated one), read once. */
function lowerCased(headers: RawHeaders): Map<string, string> {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const first = Array.isArray(value) ? value[0] : value;
    const key = name.toLowerCase();
    if (first !== undefined && !byName.has(key)) byName.set(key, first);
  }
  return byName;
}

/** The base64 HMAC-SHA256 of the exact body bytes equals the header's value (compared in constant time). */
function signedBy(secret: string, rawBody: Buffer, hmac: string): boolean {
  const expected = Buffer.from(createHmac("sha256", secret).update(rawBody).digest("base64"));
  const given = Buffer.from(hmac);
  return given.length === expected.length && timingSafeEqual(given, expected);
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
  const h = lowerCased(headers);
  const kind = h.get("shopify-hmac-sha256") ? "events" : "webhooks";
  const [hmacName, topicName, domainName, versionName, idName] = REQUIRED[kind];
  const hmac = h.get(hmacName);
  if (!hmac || !signedBy(api.config.apiSecretKey, rawBody, hmac)) return null;
  if (REQUIRED[kind].some((name) => !h.get(name))) return null;
  const domain = h.get(domainName)!;
  // The HMAC covers the body only: the shop header must at least be a shop domain.
  if (api.utils.sanitizeShop(domain) !== domain) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody.toString("utf8"));
  } catch {
    throw new ValidationError("Webhook body is not valid JSON");
  }
  // Shopify's own "orders/create" spelling; an event's topic as shopify-api stores it (ORDERS_CREATE).
  const topic = h.get("x-shopify-topic") ?? h.get(topicName)!.toUpperCase().replace(/\/|\./g, "_");
  // The topic header is unsigned: the body must prove the topic's kind (and name this shop where it names one).
  if (!bodyProvesTopic(topic, payload, domain)) return null;
  const triggeredAt = h.get("x-shopify-triggered-at");
  return {
    topic,
    shopDomain: domain,
    webhookId: h.get(idName)!,
    eventId: h.get("x-shopify-event-id") ?? null,
    triggeredAt: triggeredAt && !Number.isNaN(Date.parse(triggeredAt)) ? new Date(triggeredAt) : null,
    apiVersion: h.get(versionName) ?? null,
    payload,
  };
}
