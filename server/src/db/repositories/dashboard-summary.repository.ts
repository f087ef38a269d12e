// The dashboard's stored figures per shop (dashboard_summaries), what they were computed from, and the per-page
// aggregates they are built of. A page is a range of customer ids, so every aggregate over it is bounded by the
// page and pages add up (each customer's orders and prediction fall in exactly one page).
import { type RawBuilder, sql } from "kysely";
import type { Db } from "../database.js";
import type { DashboardSummariesTable } from "../tables/admin.tables.js";

/** Customer ids in (after, through]; null bounds are open. */
export interface CustomerRange {
  after: string | null;
  through: string | null;
}

export interface SummaryStamps {
  orders: string | null;
  predictions: string | null;
}

function inRange(column: string, range: CustomerRange): RawBuilder<boolean> {
  const ref = sql.ref(column);
  const lower = range.after === null ? sql`1 = 1` : sql`${ref} > ${range.after}`;
  const upper = range.through === null ? sql`1 = 1` : sql`${ref} <= ${range.through}`;
  return sql<boolean>`(${lower} and ${upper})`;
}

/**
 * What the figures depend on, read from indexes: the newest order change (orders_updated), the newest prediction
 * (customer_predictions_computed) and the sync state's last write (a backfill's batch or a webhook seen).
 */
export async function summaryStamps(db: Db, shop: string): Promise<SummaryStamps> {
  const [orders, predictions, state] = await Promise.all([
    db
      .selectFrom("orders")
      .select((eb) => eb.fn.max("updated_at").as("at"))
      .where("shop_domain", "=", shop)
      .executeTakeFirst(),
    db
      .selectFrom("customer_predictions")
      .select((eb) => eb.fn.max("computed_at").as("at"))
      .where("shop_domain", "=", shop)
      .executeTakeFirst(),
    db.selectFrom("sync_state").select("updated_at").where("shop_domain", "=", shop).executeTakeFirst(),
  ]);
  const ordersAt = (orders?.at as string | null | undefined) ?? null;
  return {
    orders: ordersAt === null && !state ? null : `${ordersAt ?? ""}|${state?.updated_at ?? ""}`,
    predictions: (predictions?.at as string | null | undefined) ?? null,
  };
}

/**
 * The next page's last customer id: the customer of the `orders`-th order after `after` (orders_customer index).
 * Null when fewer are left, so the page is the open-ended last one.
 */
export async function nextPageEnd(db: Db, shop: string, after: string | null, orders: number): Promise<string | null> {
  const row = await db
    .selectFrom("orders")
    .select("customer_id")
    .where("shop_domain", "=", shop)
    .where("customer_id", "is not", null)
    .where(inRange("customer_id", { after, through: null }))
    .orderBy("customer_id")
    .limit(1)
    .offset(orders)
    .executeTakeFirst();
  return row?.customer_id ?? null;
}

export interface PageOrderStats {
  customers: number;
  repeatCustomers: number;
  retentionBase: number;
  retained: number;
}

/**
 * One page's customers with a counted order (excluded_reason null, as the model sees them), repeat buyers, and
 * the retention pair: customers who ordered in [prevStart, recentStart) and, of those, who also ordered since.
 */
export async function pageOrderStats(
  db: Db,
  shop: string,
  range: CustomerRange,
  prevStart: Date,
  recentStart: Date,
): Promise<PageOrderStats> {
  const prev = prevStart.toISOString();
  const recent = recentStart.toISOString();
  const perCustomer = db
    .selectFrom("orders")
    .select((eb) => [
      "customer_id",
      eb.fn.countAll<number>().as("orders"),
      sql<number>`max(case when processed_at >= ${prev} and processed_at < ${recent} then 1 else 0 end)`.as("in_prev"),
      sql<number>`max(case when processed_at >= ${recent} then 1 else 0 end)`.as("in_recent"),
    ])
    .where("shop_domain", "=", shop)
    .where("customer_id", "is not", null)
    .where("excluded_reason", "is", null)
    .where(inRange("customer_id", range))
    .groupBy("customer_id")
    .as("c");
  const row = await db
    .selectFrom(perCustomer)
    .select([
      sql<number>`count(*)`.as("customers"),
      sql<number>`coalesce(sum(case when c.orders >= 2 then 1 else 0 end), 0)`.as("repeat_customers"),
      sql<number>`coalesce(sum(c.in_prev), 0)`.as("retention_base"),
      sql<number>`coalesce(sum(c.in_prev * c.in_recent), 0)`.as("retained"),
    ])
    .executeTakeFirstOrThrow();
  return {
    customers: Number(row.customers),
    repeatCustomers: Number(row.repeat_customers),
    retentionBase: Number(row.retention_base),
    retained: Number(row.retained),
  };
}

/**
 * Cohort cells of one page: for customers whose first counted order is on or after `since`, how many ordered in
 * each month since (distinct customers; the first month's cell is the cohort's size on this page).
 */
export async function pageCohortCells(
  db: Db,
  shop: string,
  range: CustomerRange,
  since: Date,
): Promise<Array<{ cohort: string; month: string; customers: number }>> {
  const from = since.toISOString();
  const firsts = db
    .selectFrom("orders")
    .select(["customer_id", sql<string>`substr(min(processed_at), 1, 7)`.as("first_month")])
    .where("shop_domain", "=", shop)
    .where("customer_id", "is not", null)
    .where("excluded_reason", "is", null)
    .where(inRange("customer_id", range))
    .groupBy("customer_id")
    .having(sql`min(processed_at)`, ">=", from)
    .as("f");
  const month = sql<string>`substr(o.processed_at, 1, 7)`;
  const rows = await db
    .selectFrom("orders as o")
    .innerJoin(firsts, "f.customer_id", "o.customer_id")
    .select(["f.first_month", month.as("month"), sql<number>`count(distinct o.customer_id)`.as("customers")])
    .where("o.shop_domain", "=", shop)
    .where("o.excluded_reason", "is", null)
    .where("o.processed_at", ">=", from)
    .where(inRange("o.customer_id", range))
    .groupBy(["f.first_month", month])
    .execute();
  return rows.map((r) => ({ cohort: r.first_month, month: r.month, customers: Number(r.customers) }));
}

/** The page's latest order (any order; the shop's latest gives its display currency): its time and currency. */
export async function pageLatestOrder(
  db: Db,
  shop: string,
  range: CustomerRange | "guests",
): Promise<{ processed_at: string; currency: string } | undefined> {
  return db
    .selectFrom("orders")
    .select(["processed_at", "currency"])
    .where("shop_domain", "=", shop)
    .where(range === "guests" ? sql<boolean>`customer_id is null` : inRange("customer_id", range))
    .orderBy("processed_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export interface PagePredictions {
  customers: number;
  totalClv: number;
  likelyLost: number;
  segments: Array<{ key: string; lifecycle: string; purchase: string; visit: string; count: number }>;
}

/**
 * One page's prediction totals and segment counts. likelyLost: past the late (90th-percentile) end of their own
 * cycle, churn risk ≥ 0.9 (BG/NBD P(alive) is 1 for every one-time buyer, so it can't judge them).
 */
export async function pagePredictions(db: Db, shop: string, range: CustomerRange): Promise<PagePredictions> {
  const scoped = db
    .selectFrom("customer_predictions")
    .where("shop_domain", "=", shop)
    .where(inRange("customer_id", range));
  const [totals, segments] = await Promise.all([
    scoped
      .select([
        sql<number>`count(*)`.as("customers"),
        sql<number>`coalesce(sum(clv), 0)`.as("total_clv"),
        sql<number>`coalesce(sum(case when churn_risk >= 0.9 then 1 else 0 end), 0)`.as("likely_lost"),
      ])
      .executeTakeFirstOrThrow(),
    scoped
      .select(["segment_key", "lifecycle", "purchase_state", "visit_state", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(["segment_key", "lifecycle", "purchase_state", "visit_state"])
      .execute(),
  ]);
  return {
    customers: Number(totals.customers),
    totalClv: Number(totals.total_clv),
    likelyLost: Number(totals.likely_lost),
    segments: segments.map((s) => ({
      key: s.segment_key,
      lifecycle: s.lifecycle,
      purchase: s.purchase_state,
      visit: s.visit_state,
      count: Number(s.n),
    })),
  };
}

export async function findSummary(db: Db, shop: string): Promise<DashboardSummariesTable | undefined> {
  return db.selectFrom("dashboard_summaries").selectAll().where("shop_domain", "=", shop).executeTakeFirst();
}

export async function saveSummary(db: Db, row: DashboardSummariesTable): Promise<void> {
  const { shop_domain, ...values } = row;
  await db
    .insertInto("dashboard_summaries")
    .values(row)
    .onConflict((oc) => oc.column("shop_domain").doUpdateSet(values))
    .execute();
}
