import type { CustomerHistory } from "../../domain/timing/history.js";
import { exclusionReason } from "../../domain/orders/order.js";
import { SqliteAdapter, sql } from "kysely";
import type { Db } from "../database.js";

/** Customers a whole-shop read fetches a page at a time (pageShopHistories' one query). */
const WHOLE_SHOP_PAGE = 1000;

/** Every customer's counted orders with their lines (the model backtest): pageShopHistories over the whole shop. */
export async function loadShopHistories(db: Db, shop: string): Promise<CustomerHistory[]> {
  const histories: CustomerHistory[] = [];
  let after: string | null = null;
  do {
    const page = await pageShopHistories(db, shop, after, WHOLE_SHOP_PAGE);
    histories.push(...page.histories);
    after = page.lastId;
  } while (after !== null);
  return histories;
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
  if (db.getExecutor().adapter instanceof SqliteAdapter)
    return { histories: await sqliteHistories(db, shop, first, last, until), lastId: last };
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
      order = countedPurchase(r.processed_at, r.total_price, r.refunded_total);
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

type Purchase = CustomerHistory["purchases"][number];

/** The same orders historyFromOrders counts (a row may predate its excluded_reason); null for one it does not. */
function countedPurchase(processedAt: string, total: unknown, refunded: unknown): Purchase | null {
  const totalPrice = Number(total);
  const refundedTotal = Number(refunded);
  const counted = exclusionReason({ cancelledAt: null, test: false, totalPrice, refundedTotal }) === null;
  return counted ? { at: new Date(processedAt), amount: totalPrice - refundedTotal, lines: [] } : null;
}

/**
 * pageShopHistories' second query on SQLite: one row per order, its lines as one JSON array text. node-sqlite3
 * turns every row into a JS object on the event loop's thread, column by column: a row per line (the demo's
 * 395,000, read once per pass of a recompute) cost several times what JSON.parse of the same lines costs. The
 * order's amounts stay columns (a double in JSON text could lose digits); lines hold only text and integers.
 */
async function sqliteHistories(
  db: Db,
  shop: string,
  first: string,
  last: string,
  until: string | undefined,
): Promise<CustomerHistory[]> {
  const { rows } = await sql<{
    order_id: string;
    customer_id: string;
    processed_at: string;
    total_price: number;
    refunded_total: number;
    lines: string;
  }>`select o.order_id, o.customer_id, o.processed_at, o.total_price, o.refunded_total,
      (select json_group_array(json_array(l.product_id, l.variant_id, l.title, l.quantity))
        from (select product_id, variant_id, title, quantity from order_lines
          where shop_domain = o.shop_domain and order_id = o.order_id order by line_no) l) as lines
    from orders o
    where o.shop_domain = ${shop} and o.customer_id >= ${first} and o.customer_id <= ${last}
      and o.excluded_reason is null ${until === undefined ? sql`` : sql`and o.processed_at <= ${until}`}
    order by o.customer_id, o.processed_at, o.order_id`.execute(db);
  const histories: CustomerHistory[] = [];
  let current = null as CustomerHistory | null;
  for (const r of rows) {
    if (current?.customerId !== r.customer_id) {
      current = { customerId: r.customer_id, purchases: [] };
      histories.push(current);
    }
    const order = countedPurchase(r.processed_at, r.total_price, r.refunded_total);
    if (!order) continue;
    for (const [productId, variantId, title, quantity] of JSON.parse(r.lines) as [
      string,
      string | null,
      string,
      number,
    ][])
      order.lines.push({ productId, variantId, title, quantity: Number(quantity) });
    current.purchases.push(order);
  }
  return histories.filter((h) => h.purchases.length > 0);
}
