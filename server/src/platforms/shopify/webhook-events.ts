// Shopify webhook topics → PlatformEvent. Payloads are the REST resource JSON of the topic; zod checks the
// fields we read so a signed-but-malformed body is a 400, not a half-applied change.
import { z } from "zod";
import { ValidationError } from "../../domain/shared/errors.js";
import type { PlatformEvent, VerifiedWebhook } from "../commerce-platform.js";
import { orderFromWebhook, type RestOrder } from "./mappers.js";

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date");
const money = z.union([z.string(), z.number()]).transform(String);

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
      .object({ title: z.string(), quantity: z.number().int(), price: money, product_id: id.nullish(), variant_id: id.nullish() })
      .passthrough(),
  ),
  refunds: z.array(z.object({ transactions: z.array(z.object({ kind: z.string(), status: z.string(), amount: money }).passthrough()).optional() }).passthrough()).optional(),
});

const customerRequest = z.object({
  customer: z.object({ id: id.nullish() }).passthrough().nullish(),
  orders_to_redact: z.array(id).optional(),
  orders_requested: z.array(id).optional(),
});

const ORDER_TOPICS = new Set(["orders/create", "orders/updated", "orders/cancelled", "orders/paid", "orders/edited"]);

function parse<T>(schema: z.ZodType<T>, payload: unknown, topic: string): T {
  const result = schema.safeParse(payload);
  if (!result.success) throw new ValidationError(`Webhook ${topic} payload is malformed`, result.error.issues.slice(0, 5));
  return result.data;
}

export function webhookEvent(hook: VerifiedWebhook): PlatformEvent {
  const topic = hook.topic.toLowerCase();
  if (ORDER_TOPICS.has(topic)) {
    const order = parse(restOrder, hook.payload, topic);
    return { kind: "order", order: orderFromWebhook(order as unknown as RestOrder) };
  }
  if (topic === "app/uninstalled") return { kind: "shop_erase", reason: "uninstalled" };
  if (topic === "shop/redact") return { kind: "shop_erase", reason: "redact" };
  if (topic === "customers/redact" || topic === "customers/data_request") {
    const req = parse(customerRequest, hook.payload, topic);
    const customerId = req.customer?.id == null ? null : String(req.customer.id);
    const orderIds = (req.orders_to_redact ?? req.orders_requested ?? []).map(String);
    return { kind: topic === "customers/redact" ? "customer_redact" : "customer_data_request", customerId, orderIds };
  }
  return { kind: "ignored" }; // bulk_operations/finish (we poll), customers/update, …
}
