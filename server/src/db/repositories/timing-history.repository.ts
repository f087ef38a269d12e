import { historyFromOrders, type CustomerHistory } from "../../domain/timing/history.js";
import type { Order } from "../../domain/orders/order.js";
import type { Db } from "../database.js";

/**
 * Every customer's counted orders (excluded_reason is null) with their lines, for a full recompute.
 * Two set queries instead of one per customer; the join happens in memory.
 */
export async function loadShopHistories(db: Db, shop: string): Promise<CustomerHistory[]> {
  const orders = await db
    .selectFrom("orders")
    .select(["order_id", "customer_id", "processed_at", "updated_at", "total_price", "refunded_total", "currency"])
    .where("shop_domain", "=", shop)
    .where("customer_id", "is not", null)
    .where("excluded_reason", "is", null)
    .execute();
  const lines = await db
    .selectFrom("order_lines")
    .innerJoin("orders", (j) =>
      j
        .onRef("orders.shop_domain", "=", "order_lines.shop_domain")
        .onRef("orders.order_id", "=", "order_lines.order_id"),
    )
    .select([
      "order_lines.order_id",
      "order_lines.product_id",
      "order_lines.variant_id",
      "order_lines.title",
      "order_lines.quantity",
      "order_lines.price",
    ])
    .where("order_lines.shop_domain", "=", shop)
    .where("orders.customer_id", "is not", null)
    .where("orders.excluded_reason", "is", null)
    .execute();
  const linesByOrder = new Map<string, Order["lines"]>();
  for (const l of lines) {
    const list = linesByOrder.get(l.order_id) ?? [];
    list.push({
      productId: l.product_id,
      variantId: l.variant_id,
      title: l.title,
      quantity: Number(l.quantity),
      price: Number(l.price),
    });
    linesByOrder.set(l.order_id, list);
  }
  const byCustomer = new Map<string, Order[]>();
  for (const o of orders) {
    const order: Order = {
      id: o.order_id,
      customerId: o.customer_id,
      processedAt: new Date(o.processed_at),
      updatedAt: new Date(o.updated_at),
      cancelledAt: null,
      test: false,
      totalPrice: Number(o.total_price),
      refundedTotal: Number(o.refunded_total),
      currency: o.currency,
      discountCodes: [],
      lines: linesByOrder.get(o.order_id) ?? [],
    };
    const list = byCustomer.get(o.customer_id!) ?? [];
    list.push(order);
    byCustomer.set(o.customer_id!, list);
  }
  return [...byCustomer].map(([id, list]) => historyFromOrders(id, list)).filter((h) => h.purchases.length > 0);
}
