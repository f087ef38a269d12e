import type { Db } from "../db/database.js";
import {
  customerOrderMonths,
  firstOrderMonths,
  observedSnapshotBetween,
  orderStats,
  saveSnapshot,
} from "../db/repositories/dashboard.repository.js";
import { predictionTotals, segmentCounts } from "../db/repositories/dashboard-predictions.repository.js";
import { countCustomers, listCustomers } from "../db/repositories/customer-insights.repository.js";
import { DUE_THIS_WEEK_QUERY, type DashboardResponse, type SegmentCell } from "../contracts/admin-api.js";
import { cohortTable } from "./cohorts.js";
import { withGuestVisitors } from "./guest-visitors.js";
import { customerName } from "./customer-name.js";

const DAY = 86_400_000;
const COHORT_MONTHS = 12;
const DUE_LIST_LIMIT = 6;

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The dashboard: headline numbers, the segment grid with weekly movement, cohorts and who is due this week. */
export function createDashboardService(deps: { db: Db; now?: () => Date }) {
  const clock = deps.now ?? (() => new Date());
  return {
    async get(shop: string): Promise<DashboardResponse> {
      const now = clock();
      const cohortStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - COHORT_MONTHS + 1, 1));
      const [stats, totals, counts, previous, firstMonths, orderMonths, due, dueTotal] = await Promise.all([
        orderStats(deps.db, shop, new Date(now.getTime() - 180 * DAY), new Date(now.getTime() - 90 * DAY)),
        predictionTotals(deps.db, shop),
        segmentCounts(deps.db, shop).then((c) => withGuestVisitors(deps.db, shop, now, c)),
        // "Since last week" only against counts really taken 7–13 days ago; otherwise the grid says when movement appears.
        observedSnapshotBetween(
          deps.db,
          shop,
          isoDate(new Date(now.getTime() - 13 * DAY)),
          isoDate(new Date(now.getTime() - 7 * DAY)),
        ),
        firstOrderMonths(deps.db, shop, cohortStart),
        customerOrderMonths(deps.db, shop, cohortStart),
        // The same query as the customer list's "View all" link, so the card's rows and count match that page.
        listCustomers(deps.db, shop, DUE_THIS_WEEK_QUERY, now, DUE_LIST_LIMIT, 0),
        countCustomers(deps.db, shop, DUE_THIS_WEEK_QUERY, now),
      ]);
      const segments: SegmentCell[] = counts.map((c) => ({
        ...c,
        previousCount: previous ? (previous.counts.get(c.key) ?? 0) : null,
      }));
      return {
        kpis: {
          customers: stats.customers,
          repeatPurchaseRate: stats.customers ? stats.repeatCustomers / stats.customers : 0,
          retention90d: stats.retentionBase ? stats.retained / stats.retentionBase : null,
          averageClv: totals.customers ? totals.totalClv / totals.customers : 0,
          totalClv: totals.totalClv,
          churnShare: totals.customers ? totals.likelyLost / totals.customers : 0,
          currency: stats.currency ?? "USD",
        },
        segments,
        segmentsComparedTo: previous?.date ?? null,
        cohorts: cohortTable(firstMonths, orderMonths, now.toISOString().slice(0, 7)),
        dueThisWeek: due.flatMap(({ prediction: p, ...d }) =>
          p?.due_early && p.due_likely && p.due_late
            ? [
                {
                  customerId: d.customer_id,
                  name: customerName(d),
                  email: d.email,
                  dueEarly: p.due_early,
                  dueLikely: p.due_likely,
                  dueLate: p.due_late,
                  segmentKey: p.segment_key,
                  pAlive: p.p_active ?? p.p_alive,
                  clv: p.clv,
                  reason: { en: p.reason_en, ko: p.reason_ko },
                },
              ]
            : [],
        ),
        dueThisWeekTotal: dueTotal,
        computedAt: totals.computedAt,
      };
    },

    /** Stores today's segment counts; run daily (job) and after a shop's first fit, so the grid can show movement since last week. */
    async recordSnapshot(shop: string): Promise<void> {
      const now = clock();
      const counts = await withGuestVisitors(deps.db, shop, now, await segmentCounts(deps.db, shop));
      await saveSnapshot(deps.db, shop, isoDate(now), new Map(counts.map((c) => [c.key, c.count])), now);
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
