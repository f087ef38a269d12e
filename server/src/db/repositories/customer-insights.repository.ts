// Read-only customer views for the admin: the list (filtered, sorted and paged in SQL) and one customer's
// prediction, storefront messages and coupons. Every query is scoped to one shop.
import { sql, type SelectQueryBuilder } from "kysely";
import type { CustomerListQuery, CustomerSort } from "../../http/contracts.js";
import type { Database, Db } from "../database.js";
import type { CustomerPredictionsTable } from "../tables/timing.tables.js";

export interface CustomerListRow {
  customer_id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  prediction: CustomerPredictionsTable | null;
}

type Query = SelectQueryBuilder<Database, "customers" | "customer_predictions", object>;

// NULLs sort differently in SQLite and PostgreSQL; an explicit "is null" key makes both put them last.
const SORTS: Record<CustomerSort, { column: string; direction: "asc" | "desc" }> = {
  due: { column: "customer_predictions.due_likely", direction: "asc" },
  clv: { column: "customer_predictions.clv", direction: "desc" },
  p_alive: { column: "customer_predictions.p_active", direction: "asc" },
  last_order: { column: "customer_predictions.last_order_at", direction: "desc" },
  orders: { column: "customer_predictions.order_count", direction: "desc" },
  name: { column: "customers.first_name", direction: "asc" },
};

/**
 * "Due this week", the one definition the dashboard card and the customer list share: the reorder window opens
 * within the next 7 days. (A window that opened earlier stays open for weeks; counting every open window made
 * most of the shop "due this week".)
 */
function whereDueThisWeek(query: Query, now: Date): Query {
  const weekEnd = new Date(now.getTime() + 7 * 86_400_000).toISOString();
  return query
    .where("customer_predictions.due_early", ">=", now.toISOString())
    .where("customer_predictions.due_early", "<", weekEnd);
}

function filtered(db: Db, shop: string, q: CustomerListQuery, now: Date): Query {
  let query = db
    .selectFrom("customers")
    .leftJoin("customer_predictions", (join) =>
      join
        .onRef("customer_predictions.shop_domain", "=", "customers.shop_domain")
        .onRef("customer_predictions.customer_id", "=", "customers.customer_id"),
    )
    .where("customers.shop_domain", "=", shop) as Query;
  if (q.segment) query = query.where("customer_predictions.segment_key", "=", q.segment);
  if (q.lifecycle) query = query.where("customer_predictions.lifecycle", "=", q.lifecycle);
  if (q.purchase) query = query.where("customer_predictions.purchase_state", "=", q.purchase);
  if (q.visit) query = query.where("customer_predictions.visit_state", "=", q.visit);
  if (q.due === "this_week") query = whereDueThisWeek(query, now);
  if (q.due === "overdue") query = query.where("customer_predictions.due_late", "<", now.toISOString());
  if (q.q) {
    // "!" escapes LIKE wildcards the same way on SQLite and PostgreSQL (a backslash would not).
    const pattern = `%${q.q.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
    query = query.where(
      sql<boolean>`(lower(coalesce(customers.first_name, '') || ' ' || coalesce(customers.last_name, '')) like ${pattern} escape '!' or lower(coalesce(customers.email, '')) like ${pattern} escape '!')`,
    );
  }
  return query;
}

export async function countCustomers(db: Db, shop: string, q: CustomerListQuery, now: Date): Promise<number> {
  const row = await filtered(db, shop, q, now)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listCustomers(
  db: Db,
  shop: string,
  q: CustomerListQuery,
  now: Date,
  limit: number,
  offset: number,
): Promise<CustomerListRow[]> {
  const sort = SORTS[q.sort ?? "due"];
  const direction = q.direction ?? sort.direction;
  const rows = await filtered(db, shop, q, now)
    .selectAll("customer_predictions")
    .select(["customers.customer_id as cid", "customers.first_name", "customers.last_name", "customers.email"])
    .orderBy(sql`case when ${sql.ref(sort.column)} is null then 1 else 0 end`)
    .orderBy(sql.ref(sort.column), direction)
    .orderBy("customers.customer_id")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => {
    const { cid, first_name, last_name, email, ...p } = r as unknown as Record<string, unknown> & {
      cid: string;
      first_name: string | null;
      last_name: string | null;
      email: string | null;
    };
    return {
      customer_id: cid,
      first_name,
      last_name,
      email,
      prediction: p.shop_domain ? (p as unknown as CustomerPredictionsTable) : null,
    };
  });
}

export async function findCustomerRow(db: Db, shop: string, customerId: string) {
  return db
    .selectFrom("customers")
    .select(["customer_id", "first_name", "last_name", "email"])
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .executeTakeFirst();
}

export async function findPrediction(
  db: Db,
  shop: string,
  customerId: string,
): Promise<CustomerPredictionsTable | undefined> {
  return db
    .selectFrom("customer_predictions")
    .selectAll()
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .executeTakeFirst();
}

/** Storefront messages this customer saw or acted on, newest first. */
export async function listCustomerMessages(db: Db, shop: string, customerId: string, limit = 50) {
  return db
    .selectFrom("campaign_events")
    .select(["campaign_key", "kind", "occurred_at"])
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .where("kind", "in", ["impression", "click", "dismiss", "conversion"])
    .orderBy("occurred_at", "desc")
    .limit(limit)
    .execute();
}

export async function listCustomerCouponRows(db: Db, shop: string, customerId: string) {
  return db
    .selectFrom("coupons")
    .select(["code", "campaign_key", "expires_at", "status", "used_at"])
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .orderBy("issued_at", "desc")
    .execute();
}

/** Spend, count and first/last date over the orders the model counts (excluded ones left out), net of refunds. */
export async function customerOrderTotals(db: Db, shop: string, customerId: string) {
  const row = await db
    .selectFrom("orders")
    .select((eb) => [
      eb.fn.countAll<number>().as("orders"),
      eb.fn.sum<number | null>(sql<number>`total_price - refunded_total`).as("spent"),
      eb.fn.min("processed_at").as("first"),
      eb.fn.max("processed_at").as("last"),
    ])
    .where("shop_domain", "=", shop)
    .where("customer_id", "=", customerId)
    .where("excluded_reason", "is", null)
    .executeTakeFirstOrThrow();
  // PostgreSQL answers min/max of a timestamp column as a Date, SQLite as the stored text: one ISO form for both.
  const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
  return { orders: Number(row.orders), spent: Number(row.spent ?? 0), first: iso(row.first), last: iso(row.last) };
}

/** One page of a customer's orders (excluded ones included), newest first, with their lines, and how many there are. */
export async function customerOrdersPage(db: Db, shop: string, customerId: string, limit: number, offset: number) {
  const ofCustomer = db.selectFrom("orders").where("shop_domain", "=", shop).where("customer_id", "=", customerId);
  const [count, orders] = await Promise.all([
    ofCustomer.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    ofCustomer
      .selectAll()
      .orderBy("processed_at", "desc")
      .orderBy("order_id", "desc")
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  const lines = orders.length
    ? await db
        .selectFrom("order_lines")
        .select(["order_id", "title", "quantity", "price"])
        .where("shop_domain", "=", shop)
        .where(
          "order_id",
          "in",
          orders.map((o) => o.order_id),
        )
        .orderBy("order_id")
        .orderBy("line_no")
        .execute()
    : [];
  return {
    total: Number(count.n),
    orders: orders.map((o) => ({ ...o, lines: lines.filter((l) => l.order_id === o.order_id) })),
  };
}
