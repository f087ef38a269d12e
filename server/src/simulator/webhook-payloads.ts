// REST-style webhook bodies (the shapes Shopify sends for each topic; money as strings, ids as numbers).
import { gid, isoSeconds, money } from "./ids.js";
import {
  financialStatus,
  orderCurrentTotal,
  orderSubtotal,
  orderTotal,
  type CustomerRecord,
  type OrderRecord,
} from "./records.js";
import type { ShopStore } from "./store.js";

const ts = (ms: number | null) => (ms === null ? null : isoSeconds(ms).replace(/Z$/, "+00:00"));

export function orderPayload(store: ShopStore, order: OrderRecord): Record<string, unknown> {
  const customer = order.customerId === null ? undefined : store.customers.get(order.customerId);
  return {
    id: order.id,
    admin_graphql_api_id: gid("Order", order.id),
    name: order.name,
    order_number: Number(order.name.replace(/\D/g, "")) || order.id,
    email: customer?.email ?? null,
    created_at: ts(order.createdAt),
    updated_at: ts(order.updatedAt),
    processed_at: ts(order.processedAt),
    cancelled_at: ts(order.cancelledAt),
    cancel_reason: order.cancelReason,
    closed_at: ts(order.cancelledAt),
    test: order.test,
    currency: order.currency,
    presentment_currency: order.currency,
    financial_status: financialStatus(order).toLowerCase(),
    source_name: order.sourceName,
    subtotal_price: money(orderSubtotal(order)),
    total_discounts: money(order.discountAmount),
    total_price: money(orderTotal(order)),
    current_total_price: money(orderCurrentTotal(order)),
    customer: customer ? customerPayload(customer) : null,
    discount_codes: order.discountCodes.map((code) => ({
      code,
      amount: money(order.discountAmount),
      type: "percentage",
    })),
    line_items: order.lines.map((line) => ({
      id: line.id,
      admin_graphql_api_id: gid("LineItem", line.id),
      product_id: line.productId,
      variant_id: line.variantId,
      title: line.title,
      name: line.title,
      sku: line.productId === null ? null : (store.products.get(line.productId)?.sku ?? null),
      quantity: line.quantity,
      current_quantity: line.quantity,
      price: money(line.price),
    })),
    refunds: order.refunds.map((refund) => ({
      id: refund.id,
      admin_graphql_api_id: gid("Refund", refund.id),
      order_id: order.id,
      created_at: ts(refund.createdAt),
      processed_at: ts(refund.createdAt),
      transactions: [{ amount: money(refund.amount), kind: "refund", status: "success", currency: order.currency }],
      refund_line_items: [],
    })),
  };
}

export function customerPayload(customer: CustomerRecord): Record<string, unknown> {
  return {
    id: customer.id,
    admin_graphql_api_id: gid("Customer", customer.id),
    email: customer.email,
    first_name: customer.firstName,
    last_name: customer.lastName,
    locale: customer.locale,
    created_at: ts(customer.createdAt),
    updated_at: ts(customer.updatedAt),
  };
}

export function shopPayload(store: ShopStore): Record<string, unknown> {
  const name = store.domain.split(".")[0];
  return {
    id: store.shopId,
    name,
    email: `owner@${store.domain}`,
    domain: store.domain,
    myshopify_domain: store.domain,
    currency: store.currency,
    plan_name: "basic",
  };
}

export function customersRedactPayload(store: ShopStore, customerId: number): Record<string, unknown> {
  const customer = store.customers.get(customerId);
  const orders = [...store.orders.values()].filter((o) => o.customerId === customerId).map((o) => o.id);
  return {
    shop_id: store.shopId,
    shop_domain: store.domain,
    customer: { id: customerId, email: customer?.email ?? null, phone: null },
    orders_to_redact: orders,
  };
}

export function customersDataRequestPayload(
  store: ShopStore,
  customerId: number,
  requestId: number,
): Record<string, unknown> {
  const customer = store.customers.get(customerId);
  const orders = [...store.orders.values()].filter((o) => o.customerId === customerId).map((o) => o.id);
  return {
    shop_id: store.shopId,
    shop_domain: store.domain,
    orders_requested: orders,
    customer: { id: customerId, email: customer?.email ?? null, phone: null },
    data_request: { id: requestId },
  };
}

export function shopRedactPayload(store: ShopStore): Record<string, unknown> {
  return { shop_id: store.shopId, shop_domain: store.domain };
}

export function bulkFinishPayload(operation: {
  id: number;
  status: string;
  errorCode: string | null;
  createdAt: number;
  completedAt: number | null;
  type: string;
}): Record<string, unknown> {
  return {
    admin_graphql_api_id: gid("BulkOperation", operation.id),
    completed_at: ts(operation.completedAt),
    created_at: ts(operation.createdAt),
    error_code: operation.errorCode?.toLowerCase() ?? null,
    status: operation.status.toLowerCase(),
    type: operation.type.toLowerCase(),
  };
}
