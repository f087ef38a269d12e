// The only place Shopify's wire shapes are known: Admin GraphQL nodes, bulk JSONL lines and REST webhook
// payloads become domain Orders and PlatformCustomers. Ids become the numeric part of the GID, which is
// also what REST payloads carry, so webhook and API data meet on the same key.
import type { Order, OrderLine } from "../../domain/orders/order.js";
import type { BulkExportState, PlatformCustomer } from "../commerce-platform.js";

interface MoneyBag {
  shopMoney: { amount: string; currencyCode: string };
}

/** An amount in the order's currency, which the order's total already names. */
interface AmountBag {
  shopMoney: { amount: string };
}

export interface GqlLineItem {
  id?: string;
  title: string;
  quantity: number;
  product: { id: string } | null;
  variant: { id: string } | null;
  originalUnitPriceSet: AmountBag;
}

export interface GqlOrder {
  id: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string | null;
  cancelledAt: string | null;
  test: boolean;
  discountCodes: string[];
  customer: { id: string } | null;
  totalPriceSet: MoneyBag;
  totalRefundedSet: AmountBag | null;
  lineItems?: { nodes: GqlLineItem[] };
}

export interface GqlCustomer {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  createdAt: string;
  updatedAt: string;
}

/** "gid://shopify/Order/123" → "123" (bare ids pass through). */
export function legacyId(gidOrId: string | number): string {
  const text = String(gidOrId);
  const slash = text.lastIndexOf("/");
  return slash >= 0 ? text.slice(slash + 1) : text;
}

export function toGid(type: "Customer" | "Order" | "BulkOperation", id: string): string {
  return id.startsWith("gid://") ? id : `gid://shopify/${type}/${id}`;
}

export function orderFromGraphql(node: GqlOrder, lines: GqlLineItem[] = node.lineItems?.nodes ?? []): Order {
  return orderWithLines(node, lines.flatMap(lineFromGraphql));
}

/** The order of `node` with lines already mapped by lineFromGraphql. */
export function orderWithLines(node: GqlOrder, lines: OrderLine[]): Order {
  return {
    id: legacyId(node.id),
    customerId: node.customer ? legacyId(node.customer.id) : null,
    processedAt: new Date(node.processedAt ?? node.createdAt),
    updatedAt: new Date(node.updatedAt),
    cancelledAt: node.cancelledAt ? new Date(node.cancelledAt) : null,
    test: node.test,
    totalPrice: Number(node.totalPriceSet.shopMoney.amount),
    refundedTotal: Number(node.totalRefundedSet?.shopMoney.amount ?? 0),
    currency: node.totalPriceSet.shopMoney.currencyCode,
    discountCodes: node.discountCodes ?? [],
    lines,
  };
}

// A deleted product leaves a line without product: it can't inform per-product cycles, so it is dropped
// (the order total still counts).
export function lineFromGraphql(line: GqlLineItem): OrderLine[] {
  if (!line.product) return [];
  return [
    {
      productId: legacyId(line.product.id),
      variantId: line.variant ? legacyId(line.variant.id) : null,
      title: line.title,
      quantity: line.quantity,
      price: Number(line.originalUnitPriceSet.shopMoney.amount),
    },
  ];
}

export function customerFromGraphql(node: GqlCustomer): PlatformCustomer {
  return {
    id: legacyId(node.id),
    email: node.email ?? null,
    firstName: node.firstName ?? null,
    lastName: node.lastName ?? null,
    locale: node.locale ?? null,
    createdAt: new Date(node.createdAt),
    updatedAt: new Date(node.updatedAt),
  };
}

export function bulkStateFromGraphql(status: string): BulkExportState {
  if (status === "COMPLETED") return "completed";
  if (status === "CREATED" || status === "RUNNING") return "running";
  return "failed"; // FAILED, CANCELING, CANCELED, EXPIRED
}

// ---------- REST webhook payloads (orders/create|updated|cancelled) ----------

interface RestLineItem {
  title: string;
  quantity: number;
  price: string;
  product_id: number | null;
  variant_id: number | null;
}

interface RestTransaction {
  kind: string;
  status: string;
  amount: string;
}

export interface RestOrder {
  id: number;
  created_at: string;
  updated_at: string;
  processed_at: string | null;
  cancelled_at: string | null;
  test: boolean;
  currency: string;
  total_price: string;
  customer: { id: number } | null;
  discount_codes?: Array<{ code: string }>;
  line_items: RestLineItem[];
  refunds?: Array<{ transactions?: RestTransaction[] }>;
}

export function orderFromWebhook(payload: RestOrder): Order {
  const refunded = (payload.refunds ?? [])
    .flatMap((r) => r.transactions ?? [])
    .filter((t) => t.kind === "refund" && t.status === "success")
    .reduce((sum, t) => sum + Number(t.amount), 0);
  return {
    id: String(payload.id),
    customerId: payload.customer ? String(payload.customer.id) : null,
    processedAt: new Date(payload.processed_at ?? payload.created_at),
    updatedAt: new Date(payload.updated_at),
    cancelledAt: payload.cancelled_at ? new Date(payload.cancelled_at) : null,
    test: Boolean(payload.test),
    totalPrice: Number(payload.total_price),
    refundedTotal: Math.round(refunded * 100) / 100,
    currency: payload.currency,
    discountCodes: (payload.discount_codes ?? []).map((d) => d.code),
    lines: payload.line_items.flatMap((l) =>
      l.product_id == null
        ? []
        : [
            {
              productId: String(l.product_id),
              variantId: l.variant_id == null ? null : String(l.variant_id),
              title: l.title,
              quantity: l.quantity,
              price: Number(l.price),
            },
          ],
    ),
  };
}
