// The dashboard's shop-wide figures, aggregated page by page (a range of customer ids at a time), so building them
// holds one page's aggregates in memory and the database connection one page's queries at a time.
import type { CohortRow, SegmentCell } from "../contracts/admin-api.js";
import type { Db } from "../db/database.js";
import {
  type CustomerRange,
  nextPageEnd,
  pageCohortCells,
  pageLatestOrder,
  pageOrderStats,
  pagePredictions,
} from "../db/repositories/dashboard-summary.repository.js";
import { addCohortCells, type CohortCell, cohortRows } from "./cohorts.js";

const DAY = 86_400_000;
export const COHORT_MONTHS = 12;
/** Orders per page: about 20 ms of SQLite per page query at 200,000 orders. */
export const ORDERS_PER_PAGE = 20_000;

type Cell = Omit<SegmentCell, "previousCount">;

export interface DashboardFigures {
  orders: { customers: number; repeatCustomers: number; retentionBase: number; retained: number };
  currency: string | null;
  predictions: { customers: number; totalClv: number; likelyLost: number };
  /** Prediction counts per segment, by key (guest visitors are added when shown). */
  segments: Cell[];
  cohorts: CohortRow[];
}

/** The pages' customer ranges, one after another: (null, e1], (e1, e2], …, (ek, null). */
async function* customerPages(db: Db, shop: string, ordersPerPage: number): AsyncGenerator<CustomerRange> {
  let after: string | null = null;
  for (;;) {
    const through = await nextPageEnd(db, shop, after, ordersPerPage);
    yield { after, through };
    if (through === null) return;
    after = through;
  }
}

function addSegments(into: Map<string, Cell>, cells: Awaited<ReturnType<typeof pagePredictions>>["segments"]) {
  for (const c of cells) {
    const key = `${c.key}\n${c.lifecycle}\n${c.purchase}\n${c.visit}`;
    const cell = into.get(key);
    if (cell) cell.count += c.count;
    else into.set(key, { ...c, count: c.count } as Cell);
  }
}

/** Every figure the dashboard shows that grows with the shop, as of `now`. */
export async function computeDashboardFigures(
  db: Db,
  shop: string,
  now: Date,
  ordersPerPage = ORDERS_PER_PAGE,
): Promise<DashboardFigures> {
  const prevStart = new Date(now.getTime() - 180 * DAY);
  const recentStart = new Date(now.getTime() - 90 * DAY);
  const cohortStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - COHORT_MONTHS + 1, 1));
  const orders = { customers: 0, repeatCustomers: 0, retentionBase: 0, retained: 0 };
  const predictions = { customers: 0, totalClv: 0, likelyLost: 0 };
  const segments = new Map<string, Cell>();
  const cohorts = new Map<string, CohortCell>();
  let latest = await pageLatestOrder(db, shop, "guests");
  for await (const range of customerPages(db, shop, ordersPerPage)) {
    const [stats, cells, last, predicted] = await Promise.all([
      pageOrderStats(db, shop, range, prevStart, recentStart),
      pageCohortCells(db, shop, range, cohortStart),
      pageLatestOrder(db, shop, range),
      pagePredictions(db, shop, range),
    ]);
    for (const k of Object.keys(orders) as Array<keyof typeof orders>) orders[k] += stats[k];
    for (const k of Object.keys(predictions) as Array<keyof typeof predictions>) predictions[k] += predicted[k];
    addSegments(segments, predicted.segments);
    addCohortCells(cohorts, cells);
    if (last && (!latest || last.processed_at > latest.processed_at)) latest = last;
  }
  return {
    orders,
    currency: latest?.currency ?? null,
    predictions,
    // By key, as the single grouped query ordered them (byte order, as SQLite compares).
    segments: [...segments.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    cohorts: cohortRows(cohorts.values(), now.toISOString().slice(0, 7)),
  };
}
