// Shopify webhook topics → PlatformEvent. Shopify's HMAC covers the body only; X-Shopify-Topic is unsigned. So
// the body must prove the topic's kind: each kind has a shape no other kind's body can pass (each requires its
// documented fields and forbids the fields that mark the other kinds). What we do
// follows from that proven kind, never from the header alone.
import { z } from "zod";
import { ValidationError } from "../../domain/shared/errors.js";
import type { PlatformEvent, VerifiedWebhook } from "../commerce-platform.js";
import { orderFromWebhook, type RestOrder } from "./mappers.js";

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date");
const money = z.union([z.string(), z.number()]).transform(String);
/** A key that must not be present (JSON has no undefined, so only absence passes). */
const absent = z.never().optional();

const restOrder = z.object({
  id,
  created_at: isoDate,
  updated_at: isoDate,
  processed_at: isoDate.nullish(),
  cancelled_at: isoDate.nullish(),
  test: z.boolean().optional().default(false),
  currency: z.string(),
  total_price: money,
  customer: z.object({ id }).passthrough().nullish(),
  discount_codes: z.array(z.object({ code: z.string() }).passthrough()).optional(),
  line_items: z.array(
    z
      .object({
        title: z.string(),
        quantity: z.number().int(),
        price: money,
        product_id: id.nullish(),
        variant_id: id.nullish(),
      })
      .passthrough(),
  ),
  refunds: z
    .array(
      z
        .object({
          transactions: z
            .array(z.object({ kind: z.string(), status: z.string(), amount: money }).passthrough())
            .optional(),
        })
        .passthrough(),
    )
    .optional(),
  // Marks of the shop resource and of the privacy bodies: an order never has them.
  myshopify_domain: absent,
  shop_id: absent,
  shop_domain: absent,
  orders_to_redact: absent,
  orders_requested: absent,
  data_request: absent,
});

/** app/uninstalled: the shop resource. It has no customer, orders or line items. */
const shopResource = z.object({
  id,
  name: z.string(),
  domain: z.string().nullable(),
  myshopify_domain: z.string(),
  shop_id: absent,
  shop_domain: absent,
  customer: absent,
  orders_to_redact: absent,
  orders_requested: absent,
  data_request: absent,
  line_items: absent,
});

// Privacy bodies: each requires its own fields and forbids the fields that mark the other kinds. Fields Shopify may
// add later pass (a strict object would turn a harmless addition into refused compliance deliveries).
const privacyCustomer = z.object({ id, email: z.string().nullish(), phone: z.string().nullish() });
const notAnOrderOrShop = { myshopify_domain: absent, line_items: absent, total_price: absent } as const;
const customersRedact = z.object({
  shop_id: id,
  shop_domain: z.string(),
  customer: privacyCustomer,
  orders_to_redact: z.array(id),
  orders_requested: absent,
  data_request: absent,
  ...notAnOrderOrShop,
});
const customersDataRequest = z.object({
  shop_id: id,
  shop_domain: z.string(),
  orders_requested: z.array(id),
  customer: privacyCustomer,
  data_request: z.object({ id }),
  orders_to_redact: absent,
  ...notAnOrderOrShop,
});
const shopRedact = z.object({
  shop_id: id,
  shop_domain: z.string(),
  customer: absent,
  orders_to_redact: absent,
  orders_requested: absent,
  data_request: absent,
  ...notAnOrderOrShop,
});

/** The shape each kind of body must have (exported for tests). */
export const SHAPES = {
  order: restOrder,
  shop: shopResource,
  shop_redact: shopRedact,
  customers_redact: customersRedact,
  customers_data_request: customersDataRequest,
} as const;
type BodyKind = keyof typeof SHAPES;

const KIND_BY_TOPIC: Record<string, BodyKind> = {
  "orders/create": "order",
  "orders/updated": "order",
  "orders/cancelled": "order",
  "orders/paid": "order",
  "orders/edited": "order",
  "app/uninstalled": "shop",
  "shop/redact": "shop_redact",
  "customers/redact": "customers_redact",
  "customers/data_request": "customers_data_request",
};

/** The shop a body names inside the signed bytes (orders name none). */
function namedShop(payload: Record<string, unknown>): unknown {
  return payload.shop_domain ?? payload.myshopify_domain;
}

/**
 * Bodies already checked against a kind's shape, with what the check gave: the acknowledgement proves the topic
 * (bodyProvesTopic) and then maps the same parsed body to its event (webhookEvent), and the second parse of an
 * order body was about a fifth of its verification's CPU. Keyed by the parsed JSON object, so a delivery applied
 * later from its stored text is checked again, and an entry goes with its body.
 */
const checked = new WeakMap<object, { kind: BodyKind; data: unknown }>();

/**
 * Whether a signed body proves the header's topic for the header's shop: it has that topic's shape (and so no
 * other topic's), and a body that names its shop names this one. Topics we ignore prove nothing and need not.
 */
export function bodyProvesTopic(topic: string, payload: unknown, shop: string): boolean {
  const kind = KIND_BY_TOPIC[topic.toLowerCase()];
  if (!kind) return true;
  const parsed = SHAPES[kind].safeParse(payload);
  if (!parsed.success) return false;
  if (typeof payload === "object" && payload !== null) checked.set(payload, { kind, data: parsed.data });
  return kind === "order" || namedShop(parsed.data as Record<string, unknown>) === shop;
}

function parse<K extends BodyKind>(kind: K, payload: unknown, topic: string): z.output<(typeof SHAPES)[K]> {
  const known = typeof payload === "object" && payload !== null ? checked.get(payload) : undefined;
  if (known?.kind === kind) return known.data as z.output<(typeof SHAPES)[K]>;
  const result = SHAPES[kind].safeParse(payload);
  if (!result.success)
    throw new ValidationError(`Webhook ${topic} payload is malformed`, result.error.issues.slice(0, 5));
  return result.data as z.output<(typeof SHAPES)[K]>;
}

export function webhookEvent(hook: VerifiedWebhook): PlatformEvent {
  const topic = hook.topic.toLowerCase();
  const kind = KIND_BY_TOPIC[topic];
  switch (kind) {
    case "order":
      return { kind: "order", order: orderFromWebhook(parse(kind, hook.payload, topic) as unknown as RestOrder) };
    case "shop":
      parse(kind, hook.payload, topic);
      return { kind: "shop_erase", reason: "uninstalled" };
    case "shop_redact":
      parse(kind, hook.payload, topic);
      return { kind: "shop_erase", reason: "redact" };
    case "customers_redact": {
      const req = parse(kind, hook.payload, topic);
      return {
        kind: "customer_redact",
        customerId: String(req.customer.id),
        orderIds: req.orders_to_redact.map(String),
      };
    }
    case "customers_data_request": {
      const req = parse(kind, hook.payload, topic);
      return {
        kind: "customer_data_request",
        customerId: String(req.customer.id),
        orderIds: req.orders_requested.map(String),
      };
    }
    default:
      return { kind: "ignored" }; // bulk_operations/finish (we poll), customers/update, …
  }
}
