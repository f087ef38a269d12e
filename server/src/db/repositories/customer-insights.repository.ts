// Read-only customer views for the admin: the list (filtered, sorted and paged in SQL) and one customer's
// prediction, storefront messages and coupons. Every query is scoped to one shop.
import { type RawBuilder, sql, type SelectQueryBuilder } from "kysely";
import { RFM_GROUPS } from "../../domain/segments/rfm-groups.js";
import { CHURN_RISK_BANDS, type ChurnRiskBand } from "../../domain/timing/churn-risk-bands.js";
import {
  CUSTOMER_SORT_DIRECTIONS,
  type CustomerDueWindow,
  type CustomerListQuery,
  type CustomerSort,
} from "../../contracts/admin-api.js";
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

const DAY_MS = 86_400_000;
const column = (name: keyof CustomerPredictionsTable) => sql.ref(`customer_predictions.${name}`);

// NULLs sort differently in SQLite and PostgreSQL; an explicit "is null" key makes both put them last.
const SORT_KEYS: Record<CustomerSort, RawBuilder<unknown>> = {
  due: column("due_likely"),
  churn_risk: column("churn_risk"),
  // The usual single RFM figure: the three quintile scores summed (15 = most recent, frequent and spending).
  rfm: sql`${column("rfm_recency")} + ${column("rfm_frequency")} + ${column("rfm_monetary")}`,
  // average_order_value is the counted orders' total over their number, so this is their total spend.
  spend: sql`${column("order_count")} * ${column("average_order_value")}`,
  clv: column("clv"),
  p_alive: column("p_active"),
  last_order: column("last_order_at"),
  orders: column("order_count"),
  name: sql.ref("customers.first_name"),
};

/**
 * "Due this week", the one definition the dashboard card and the customer list share: the reorder window opens
 * within the next 7 days. (A window that opened earlier stays open for weeks; counting every open window made
 * most of the shop "due this week".) "next_30_days" is the same over 30 days; windows already open are "open".
 */
function whereDue(query: Query, due: CustomerDueWindow, now: Date): Query {
  const nowIso = now.toISOString();
  const inDays = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
  const opensBefore = (end: string) =>
    query.where("customer_predictions.due_early", ">=", nowIso).where("customer_predictions.due_early", "<", end);
  switch (due) {
    case "overdue":
      return query.where("customer_predictions.due_late", "<", nowIso);
    case "open":
      return query
        .where("customer_predictions.due_early", "<", nowIso)
        .where("customer_predictions.due_late", ">=", nowIso);
    case "this_week":
      return opensBefore(inDays(7));
    case "next_30_days":
      return opensBefore(inDays(30));
    case "later":
      return query.where("customer_predictions.due_early", ">=", inDays(30));
  }
}

function whereChurnRisk(query: Query, band: ChurnRiskBand): Query {
  const { min, max } = CHURN_RISK_BANDS[band];
  const atLeast = query.where("customer_predictions.churn_risk", ">=", min);
  return max === null ? atLeast : atLeast.where("customer_predictions.churn_risk", "<", max);
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
  if (q.rfm?.length)
    query = query.where(
      "customer_predictions.rfm_group",
      "in",
      q.rfm.map((key) => RFM_GROUPS[key]),
    );
  if (q.churn) query = whereChurnRisk(query, q.churn);
  if (q.due) query = whereDue(query, q.due, now);
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
  const sort = q.sort ?? "due";
  const key = SORT_KEYS[sort];
  const direction = q.direction ?? CUSTOMER_SORT_DIRECTIONS[sort];
  const rows = await filtered(db, shop, q, now)
    .selectAll("customer_predictions")
    .select(["customers.customer_id as cid", "customers.first_name", "customers.last_name", "customers.email"])
    .orderBy(sql`case when ${key} is null then 1 else 0 end`)
    .orderBy(key, direction)
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
