import type { Db } from "../db/database.js";
import { observedSnapshotBetween, saveSnapshot } from "../db/repositories/dashboard.repository.js";
import { segmentCounts } from "../db/repositories/dashboard-predictions.repository.js";
import { countCustomers, listCustomers } from "../db/repositories/customer-insights.repository.js";
import { DUE_THIS_WEEK_QUERY, type DashboardResponse, type SegmentCell } from "../contracts/admin-api.js";
import { createDashboardSummary } from "./dashboard-summary.js";
import { withGuestVisitors } from "./guest-visitors.js";
import { customerName } from "./customer-name.js";

const DAY = 86_400_000;
const DUE_LIST_LIMIT = 6;

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The dashboard: headline numbers, the segment grid with weekly movement, cohorts and who is due this week. The
 * figures that grow with the shop come from its stored summary (dashboard-summary.ts); the rest are indexed reads.
 */
export function createDashboardService(deps: {
  db: Db;
  /** Where requests read (a connection a recompute's writes do not hold up); defaults to db. */
  readDb?: Db;
  now?: () => Date;
  log?: (message: string) => void;
}) {
  const clock = deps.now ?? (() => new Date());
  const read = deps.readDb ?? deps.db;
  const summary = createDashboardSummary({ db: deps.db, reader: read, clock, log: deps.log });
  return {
    async get(shop: string): Promise<DashboardResponse> {
      const now = clock();
      const [{ figures, computedAt }, previous, due, dueTotal] = await Promise.all([
        summary.figures(shop, now),
        // "Since last week" only against counts really taken 7–13 days ago; otherwise the grid says when movement appears.
        observedSnapshotBetween(
          read,
          shop,
          isoDate(new Date(now.getTime() - 13 * DAY)),
          isoDate(new Date(now.getTime() - 7 * DAY)),
        ),
        // The same query as the customer list's "View all" link, so the card's rows and count match that page.
        listCustomers(read, shop, DUE_THIS_WEEK_QUERY, now, DUE_LIST_LIMIT, 0),
        countCustomers(read, shop, DUE_THIS_WEEK_QUERY, now),
      ]);
      const counts = await withGuestVisitors(read, shop, now, figures.segments);
      const { orders: stats, predictions: totals } = figures;
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
          currency: figures.currency ?? "USD",
        },
        segments,
        segmentsComparedTo: previous?.date ?? null,
        cohorts: figures.cohorts,
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
        computedAt,
      };
    },

    /**
     * Stores today's segment counts; run daily (job) and after a shop's fit, so the grid can show movement since last
     * week. The dashboard's figures are rebuilt first, so the view right after a recompute needs no rebuild.
     */
    async recordSnapshot(shop: string): Promise<void> {
      await summary.rebuild(shop);
      const now = clock();
      const counts = await withGuestVisitors(deps.db, shop, now, await segmentCounts(deps.db, shop));
      await saveSnapshot(deps.db, shop, isoDate(now), new Map(counts.map((c) => [c.key, c.count])), now);
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
