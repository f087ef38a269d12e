import { historyFromOrders, type CustomerHistory } from "../../domain/timing/history.js";
import { exclusionReason, type Order } from "../../domain/orders/order.js";
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

/**
 * Customers with at least one counted order placed by `asOf`: what a streamed recompute will page through. A run
 * reads only orders placed by its start: one arriving mid-run (a webhook) is the next run's, not a "future" order
 * that would fail this one.
 */
export async function countHistoryCustomers(db: Db, shop: string, asOf?: Date): Promise<number> {
  let q = db
    .selectFrom("orders")
    .select((eb) => eb.fn.count<number>("customer_id").distinct().as("n"))
    .where("shop_domain", "=", shop)
    .where("customer_id", "is not", null)
    .where("excluded_reason", "is", null);
  if (asOf) q = q.where("processed_at", "<=", asOf.toISOString());
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One page of customers after `afterId` in customer-id order (keyset, on the orders_customer index), with their
 * counted orders and lines read in one query. `lastId` is the key of the next page; null when there are no more.
 */
export async function pageShopHistories(
  db: Db,
  shop: string,
  afterId: string | null,
  limit: number,
  /** Only orders placed by then (see countHistoryCustomers). */
  asOf?: Date,
): Promise<{ histories: CustomerHistory[]; lastId: string | null }> {
  const until = asOf?.toISOString();
  let ids = db
    .selectFrom("orders")
    .select("customer_id")
    .distinct()
    .where("shop_domain", "=", shop)
    .where("customer_id", "is not", null)
    .where("excluded_reason", "is", null);
  if (afterId !== null) ids = ids.where("customer_id", ">", afterId);
  if (until) ids = ids.where("processed_at", "<=", until);
  const page = await ids.orderBy("customer_id").limit(limit).execute();
  if (page.length === 0) return { histories: [], lastId: null };
  const first = page[0].customer_id!;
  const last = page[page.length - 1].customer_id!;
  const rows = await db
    .selectFrom("orders")
    .leftJoin("order_lines", (j) =>
      j
        .onRef("order_lines.shop_domain", "=", "orders.shop_domain")
        .onRef("order_lines.order_id", "=", "orders.order_id"),
    )
    .select([
      "orders.order_id",
      "orders.customer_id",
      "orders.processed_at",
      "orders.total_price",
      "orders.refunded_total",
      "order_lines.product_id",
      "order_lines.variant_id",
      "order_lines.title",
      "order_lines.quantity",
    ])
    .where("orders.shop_domain", "=", shop)
    .where("orders.customer_id", ">=", first)
    .where("orders.customer_id", "<=", last)
    .where("orders.excluded_reason", "is", null)
    .$if(until !== undefined, (q) => q.where("orders.processed_at", "<=", until!))
    .orderBy("orders.customer_id")
    .orderBy("orders.processed_at")
    .orderBy("orders.order_id")
    .orderBy("order_lines.line_no")
    .execute();
  const histories: CustomerHistory[] = [];
  let current = null as CustomerHistory | null;
  let order = null as CustomerHistory["purchases"][number] | null;
  let orderId: string | null = null;
  for (const r of rows) {
    if (current?.customerId !== r.customer_id) {
      current = { customerId: r.customer_id!, purchases: [] };
      histories.push(current);
      orderId = null;
    }
    if (orderId !== r.order_id) {
      orderId = r.order_id;
      const totalPrice = Number(r.total_price);
      const refundedTotal = Number(r.refunded_total);
      // The same orders historyFromOrders counts (a row may predate its excluded_reason).
      const counted = exclusionReason({ cancelledAt: null, test: false, totalPrice, refundedTotal }) === null;
      order = counted ? { at: new Date(r.processed_at), amount: totalPrice - refundedTotal, lines: [] } : null;
      if (order) current.purchases.push(order);
    }
    if (order && r.product_id !== null)
      order.lines.push({
        productId: r.product_id,
        variantId: r.variant_id,
        title: r.title!,
        quantity: Number(r.quantity),
      });
  }
  return { histories: histories.filter((h) => h.purchases.length > 0), lastId: last };
}
