// The dashboard's growing figures computed the plain way, as a test oracle: read the shop's raw rows and count in
// JavaScript, sharing no query with the page-by-page builder (services/dashboard-figures.ts) it checks.
import type { Db } from "../../server/src/db/database.js";
import { cohortTable } from "../../server/src/services/cohorts.js";

const DAY = 86_400_000;

/** Counted orders per customer (excluded_reason null), as the model sees them. */
async function countedOrders(db: Db, shop: string) {
  const rows = await db
    .selectFrom("orders")
    .select(["customer_id", "processed_at", "excluded_reason"])
    .where("shop_domain", "=", shop)
    .execute();
  const byCustomer = new Map<string, string[]>();
  for (const r of rows) {
    if (r.customer_id === null || r.excluded_reason !== null) continue;
    byCustomer.set(r.customer_id, [...(byCustomer.get(r.customer_id) ?? []), r.processed_at]);
  }
  return byCustomer;
}

function orderFigures(byCustomer: Map<string, string[]>, now: Date) {
  const prev = new Date(now.getTime() - 180 * DAY).toISOString();
  const recent = new Date(now.getTime() - 90 * DAY).toISOString();
  const figures = { customers: 0, repeatCustomers: 0, retentionBase: 0, retained: 0 };
  for (const times of byCustomer.values()) {
    figures.customers++;
    if (times.length >= 2) figures.repeatCustomers++;
    const inPrev = times.some((t) => t >= prev && t < recent);
    figures.retentionBase += Number(inPrev);
    figures.retained += Number(inPrev && times.some((t) => t >= recent));
  }
  return figures;
}

function cohorts(byCustomer: Map<string, string[]>, now: Date, cohortMonths: number) {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - cohortMonths + 1, 1)).toISOString();
  const firstMonths = new Map<string, string>();
  const orderMonths: Array<{ customerId: string; month: string }> = [];
  for (const [customerId, times] of byCustomer) {
    const first = [...times].sort()[0]; // ISO strings: the earliest sorts first
    if (first < since) continue;
    firstMonths.set(customerId, first.slice(0, 7));
    for (const month of new Set(times.map((t) => t.slice(0, 7)))) orderMonths.push({ customerId, month });
  }
  return cohortTable(firstMonths, orderMonths, now.toISOString().slice(0, 7));
}

async function predictionFigures(db: Db, shop: string) {
  const rows = await db
    .selectFrom("customer_predictions")
    .select(["clv", "churn_risk", "segment_key", "lifecycle", "purchase_state", "visit_state"])
    .where("shop_domain", "=", shop)
    .execute();
  const segments = new Map<
    string,
    { key: string; lifecycle: string; purchase: string; visit: string; count: number }
  >();
  for (const r of rows) {
    const key = [r.segment_key, r.lifecycle, r.purchase_state, r.visit_state].join("\n");
    const cell = segments.get(key);
    if (cell) cell.count++;
    else
      segments.set(key, {
        key: r.segment_key,
        lifecycle: r.lifecycle,
        purchase: r.purchase_state,
        visit: r.visit_state,
        count: 1,
      });
  }
  return {
    predictions: {
      customers: rows.length,
      likelyLost: rows.filter((r) => Number(r.churn_risk) >= 0.9).length,
      totalClv: rows.reduce((sum, r) => sum + Number(r.clv ?? 0), 0),
    },
    segments: [...segments.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
  };
}

/** The currency of the shop's latest order, any order (guests' too). */
async function latestCurrency(db: Db, shop: string): Promise<string | null> {
  const rows = await db
    .selectFrom("orders")
    .select(["processed_at", "currency"])
    .where("shop_domain", "=", shop)
    .execute();
  const latest = rows.reduce<(typeof rows)[number] | null>(
    (a, r) => (!a || r.processed_at > a.processed_at ? r : a),
    null,
  );
  return latest?.currency ?? null;
}

/** The figures computeDashboardFigures must equal, from every row of the shop at once. */
export async function dashboardFiguresFromRows(db: Db, shop: string, now: Date, cohortMonths: number) {
  const byCustomer = await countedOrders(db, shop);
  const { predictions, segments } = await predictionFigures(db, shop);
  return {
    orders: orderFigures(byCustomer, now),
    currency: await latestCurrency(db, shop),
    predictions,
    segments,
    cohorts: cohorts(byCustomer, now, cohortMonths),
  };
}
