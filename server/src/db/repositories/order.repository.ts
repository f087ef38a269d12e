import { exclusionReason, type Order, type OrderLine } from "../../domain/orders/order.js";
import { SqliteAdapter } from "kysely";
import type { Db } from "../database.js";
import { executeInsert } from "./compiled-insert.js";
import { writeNewestSqlite } from "./order-rows-sqlite.js";
import type { OrderLinesTable, OrdersTable } from "../tables/core.tables.js";

// Well under SQLite's 32 766 and PostgreSQL's 65 535 bound parameters per statement.
const ORDER_CHUNK = 400;
const LINE_CHUNK = 800;

export interface StoredOrder extends Order {
  excludedReason: string | null;
}

/**
 * Idempotent upsert keyed by (shop_domain, order_id). A version older than the stored one (by updated_at) is
 * ignored, so late or duplicated deliveries never overwrite newer data. Returns the ids actually written.
 */
export async function upsertOrders(db: Db, shop: string, orders: Order[]): Promise<string[]> {
  const newest = newestPerId(orders);
  if (newest.length === 0) return [];
  return db.transaction().execute((trx) => writeNewest(trx, shop, newest));
}

/**
 * The same upsert for many batches in ONE transaction (file imports): all of it is stored, or, on any error,
 * none of it. Each batch must hold whole orders. Returns the ids actually written.
 */
export async function upsertOrdersAtomically(db: Db, shop: string, batches: Iterable<Order[]>): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const written: string[] = [];
    for (const batch of batches) written.push(...(await writeNewest(trx, shop, newestPerId(batch))));
    return written;
  });
}

async function writeNewest(trx: Db, shop: string, newest: Order[]): Promise<string[]> {
  if (trx.getExecutor().adapter instanceof SqliteAdapter) return writeNewestSqlite(trx, shop, newest);
  const written: string[] = [];
  for (const chunk of chunks(newest, ORDER_CHUNK)) {
    const rows = await executeInsert(
      trx,
      "upsert orders",
      chunk.map((o) => toOrderRow(shop, o)),
      (values) =>
        trx
          .insertInto("orders")
          .values(values)
          .onConflict((oc) =>
            oc
              .columns(["shop_domain", "order_id"])
              .doUpdateSet((eb) => ({
                customer_id: eb.ref("excluded.customer_id"),
                processed_at: eb.ref("excluded.processed_at"),
                updated_at: eb.ref("excluded.updated_at"),
                cancelled_at: eb.ref("excluded.cancelled_at"),
                test: eb.ref("excluded.test"),
                total_price: eb.ref("excluded.total_price"),
                refunded_total: eb.ref("excluded.refunded_total"),
                currency: eb.ref("excluded.currency"),
                discount_codes: eb.ref("excluded.discount_codes"),
                excluded_reason: eb.ref("excluded.excluded_reason"),
              }))
              .where((eb) => eb("orders.updated_at", "<=", eb.ref("excluded.updated_at"))),
          )
          .returning("order_id"),
    );
    written.push(...rows.map((r) => r.order_id));
  }
  if (written.length === 0) return written;
  const byId = new Map(newest.map((o) => [o.id, o]));
  for (const ids of chunks(written, ORDER_CHUNK)) {
    await trx.deleteFrom("order_lines").where("shop_domain", "=", shop).where("order_id", "in", ids).execute();
  }
  const lines = written.flatMap((id) => byId.get(id)!.lines.map((line, i) => toLineRow(shop, id, i, line)));
  for (const chunk of chunks(lines, LINE_CHUNK))
    await executeInsert(trx, "insert order lines", chunk, (values) => trx.insertInto("order_lines").values(values));
  return written;
}

export async function findOrder(db: Db, shop: string, orderId: string): Promise<StoredOrder | undefined> {
  const row = await db
    .selectFrom("orders")
    .selectAll()
    .where("shop_domain", "=", shop)
    .where("order_id", "=", orderId)
    .executeTakeFirst();
  if (!row) return undefined;
  const lines = await db
    .selectFrom("order_lines")
    .selectAll()
    .where("shop_domain", "=", shop)
    .where("order_id", "=", orderId)
    .orderBy("line_no")
    .execute();
  return fromRows(row, lines);
}

/** A customer's orders (excluded ones included, flagged), oldest first. */
export async function listCustomerOrders(db: Db, shop: string, customerId: string): Promise<StoredOrder[]> {
  const rows = await db
    .selectFrom("orders")
    .selectAll()
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .orderBy("processed_at")
    .orderBy("order_id")
    .execute();
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom("order_lines")
    .selectAll()
    .where("shop_domain", "=", shop)
    .where(
      "order_id",
      "in",
      rows.map((r) => r.order_id),
    )
    .orderBy("order_id")
    .orderBy("line_no")
    .execute();
  const linesByOrder = new Map<string, OrderLinesTable[]>();
  for (const l of lines) linesByOrder.set(l.order_id, [...(linesByOrder.get(l.order_id) ?? []), l]);
  return rows.map((r) => fromRows(r, linesByOrder.get(r.order_id) ?? []));
}

export async function countOrders(db: Db, shop: string): Promise<{ total: number; excluded: number; lines: number }> {
  const o = await countOrderRows(db, shop);
  const l = await db
    .selectFrom("order_lines")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("shop_domain", "=", shop)
    .executeTakeFirstOrThrow();
  return { ...o, lines: Number(l.n) };
}

/** Orders stored and how many of them are excluded, without counting their lines (the status asks this often). */
export async function countOrderRows(db: Db, shop: string): Promise<{ total: number; excluded: number }> {
  const o = await db
    .selectFrom("orders")
    .select((eb) => [eb.fn.countAll<number>().as("total"), eb.fn.count<number>("excluded_reason").as("excluded")])
    .where("shop_domain", "=", shop)
    .executeTakeFirstOrThrow();
  return { total: Number(o.total), excluded: Number(o.excluded) };
}

/** Latest updated_at stored for the shop (the reconcile watermark), or null when there are no orders. */
export async function maxOrderUpdatedAt(db: Db, shop: string): Promise<string | null> {
  const row = await db
    .selectFrom("orders")
    .select((eb) => eb.fn.max("updated_at").as("max"))
    .where("shop_domain", "=", shop)
    .executeTakeFirst();
  return (row?.max as string | null | undefined) ?? null;
}

/** Deletes the named orders, and every order of the customer, with their lines. Returns orders deleted. */
export async function deleteCustomerOrders(
  db: Db,
  shop: string,
  customerId: string,
  orderIds: string[] = [],
): Promise<number> {
  const ids = await db
    .selectFrom("orders")
    .select("order_id")
    .where("shop_domain", "=", shop)
    .where((eb) =>
      eb.or([eb("customer_id", "=", customerId), ...(orderIds.length ? [eb("order_id", "in", orderIds)] : [])]),
    )
    .execute();
  const all = ids.map((r) => r.order_id);
  for (const chunk of chunks(all, ORDER_CHUNK)) {
    await db.deleteFrom("order_lines").where("shop_domain", "=", shop).where("order_id", "in", chunk).execute();
    await db.deleteFrom("orders").where("shop_domain", "=", shop).where("order_id", "in", chunk).execute();
  }
  return all.length;
}

export async function deleteShopOrders(db: Db, shop: string): Promise<void> {
  await db.deleteFrom("order_lines").where("shop_domain", "=", shop).execute();
  await db.deleteFrom("orders").where("shop_domain", "=", shop).execute();
}

function newestPerId(orders: Order[]): Order[] {
  const byId = new Map<string, Order>();
  for (const o of orders) {
    const prev = byId.get(o.id);
    if (!prev || prev.updatedAt.getTime() <= o.updatedAt.getTime()) byId.set(o.id, o);
  }
  // A stable id order keeps concurrent PostgreSQL upserts from deadlocking on each other's rows.
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function toOrderRow(shop: string, o: Order): OrdersTable {
  return {
    shop_domain: shop,
    order_id: o.id,
    customer_id: o.customerId,
    name: null,
    processed_at: o.processedAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
    cancelled_at: o.cancelledAt ? o.cancelledAt.toISOString() : null,
    test: o.test ? 1 : 0,
    total_price: o.totalPrice,
    refunded_total: o.refundedTotal,
    currency: o.currency,
    discount_codes: JSON.stringify(o.discountCodes),
    excluded_reason: exclusionReason(o),
  };
}

function toLineRow(shop: string, orderId: string, lineNo: number, l: OrderLine): OrderLinesTable {
  return {
    shop_domain: shop,
    order_id: orderId,
    line_no: lineNo,
    product_id: l.productId,
    variant_id: l.variantId,
    title: l.title,
    quantity: l.quantity,
    price: l.price,
  };
}

function fromRows(row: OrdersTable, lines: OrderLinesTable[]): StoredOrder {
  return {
    id: row.order_id,
    customerId: row.customer_id,
    processedAt: new Date(row.processed_at),
    updatedAt: new Date(row.updated_at),
    cancelledAt: row.cancelled_at ? new Date(row.cancelled_at) : null,
    test: Number(row.test) === 1,
    totalPrice: Number(row.total_price),
    refundedTotal: Number(row.refunded_total),
    currency: row.currency,
    discountCodes: JSON.parse(row.discount_codes) as string[],
    lines: lines.map((l) => ({
      productId: l.product_id,
      variantId: l.variant_id,
      title: l.title,
      quantity: Number(l.quantity),
      price: Number(l.price),
    })),
    excludedReason: row.excluded_reason,
  };
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
