// The order upsert for SQLite, each statement's rows sent as ONE JSON text that SQLite unpacks with json_each.
// node-sqlite3 binds every parameter on the JS thread and prepares every statement afresh: as multi-row INSERTs
// (one parameter per value, statements of thousands of placeholders) a backfill's 26,692 orders and 523,337 lines
// took 6.6-8.2 s of CPU; as JSON, 3.6-4.2 s (one bind per statement, a statement of a few hundred bytes).
import { sql } from "kysely";
import { exclusionReason, type Order } from "../../domain/orders/order.js";
import type { Db } from "../database.js";

/** Same contract as order.repository's writeNewest: stores the newest versions, returns the ids written. */
export async function writeNewestSqlite(trx: Db, shop: string, newest: Order[]): Promise<string[]> {
  const orderRows = newest.map((o) => [
    o.id,
    o.customerId,
    o.processedAt.toISOString(),
    o.updatedAt.toISOString(),
    o.cancelledAt ? o.cancelledAt.toISOString() : null,
    o.test ? 1 : 0,
    o.totalPrice,
    o.refundedTotal,
    o.currency,
    JSON.stringify(o.discountCodes),
    exclusionReason(o),
  ]);
  // "where true": without it SQLite would read "on conflict" as the select's join constraint.
  const { rows } = await sql<{ order_id: string }>`
    insert into orders (shop_domain, order_id, customer_id, name, processed_at, updated_at, cancelled_at, test,
      total_price, refunded_total, currency, discount_codes, excluded_reason)
    select ${shop}, value->>0, value->>1, null, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7,
      value->>8, value->>9, value->>10
    from json_each(${jsonRows(orderRows)}) where true
    on conflict (shop_domain, order_id) do update set customer_id = excluded.customer_id,
      processed_at = excluded.processed_at, updated_at = excluded.updated_at, cancelled_at = excluded.cancelled_at,
      test = excluded.test, total_price = excluded.total_price, refunded_total = excluded.refunded_total,
      currency = excluded.currency, discount_codes = excluded.discount_codes, excluded_reason = excluded.excluded_reason
    where orders.updated_at <= excluded.updated_at
    returning order_id`.execute(trx);
  const written = rows.map((r) => r.order_id);
  if (written.length === 0) return written;
  await sql`delete from order_lines where shop_domain = ${shop}
    and order_id in (select value from json_each(${jsonRows(written)}))`.execute(trx);
  const byId = new Map(newest.map((o) => [o.id, o]));
  const lineRows = written.flatMap((id) =>
    byId.get(id)!.lines.map((l, i) => [id, i, l.productId, l.variantId, l.title, l.quantity, l.price]),
  );
  if (lineRows.length === 0) return written;
  await sql`insert into order_lines (shop_domain, order_id, line_no, product_id, variant_id, title, quantity, price)
    select ${shop}, value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6
    from json_each(${jsonRows(lineRows)})`.execute(trx);
  return written;
}

/**
 * JSON.stringify writes a lone UTF-16 surrogate as a \ud800-style escape, which SQLite would store as invalid
 * UTF-8; a bound parameter stores U+FFFD instead, and so does this (only when such an escape occurs).
 */
function jsonRows(rows: unknown[]): string {
  const text = JSON.stringify(rows);
  if (!/\\ud[89a-f]/i.test(text)) return text;
  return JSON.stringify(rows, (_key, value) =>
    typeof value === "string" ? value.replace(/[\ud800-\udfff]/gu, "\ufffd") : value,
  );
}
