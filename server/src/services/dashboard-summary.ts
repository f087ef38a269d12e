// The dashboard's stored figures (dashboard_summaries): read in one row while what they were computed from is
// unchanged, rebuilt page by page when it changed. A shop whose rebuild is quick gets it inside the request (its
// figures are always current); a large shop's request shows the stored figures and the rebuild runs after it, at
// most one per shop at a time and one per REBUILD_GAP_MS, so a recompute rewriting predictions page after page
// does not rebuild them continuously.
import type { Db } from "../db/database.js";
import { findSummary, saveSummary, summaryStamps } from "../db/repositories/dashboard-summary.repository.js";
import { computeDashboardFigures, type DashboardFigures } from "./dashboard-figures.js";

/** A rebuild that took under this is done inside the request. */
export const INLINE_REBUILD_MS = 100;
export const REBUILD_GAP_MS = 30_000;

export interface DashboardSummaryDeps {
  db: Db;
  /** Where the figures and stamps are read; defaults to db (the stored row is written through db). */
  reader?: Db;
  clock: () => Date;
  log?: (message: string) => void;
}

const sameDay = (a: string, b: Date) => a.slice(0, 10) === b.toISOString().slice(0, 10);

export function createDashboardSummary({ db, reader = db, clock, log = console.error }: DashboardSummaryDeps) {
  const running = new Map<string, Promise<DashboardFigures>>();
  const lastStarted = new Map<string, number>();

  /** Computes the figures as of `now` and stores them with the stamps read before (a change meanwhile shows as stale). */
  function rebuild(shop: string, now: Date): Promise<DashboardFigures> {
    const current = running.get(shop);
    if (current) return current;
    lastStarted.set(shop, Date.now());
    const run = (async () => {
      const started = performance.now();
      const stamps = await summaryStamps(reader, shop);
      const figures = await computeDashboardFigures(reader, shop, now);
      await saveSummary(db, {
        shop_domain: shop,
        figures: JSON.stringify(figures),
        as_of: now.toISOString(),
        orders_stamp: stamps.orders,
        predictions_stamp: stamps.predictions,
        refresh_ms: Math.round(performance.now() - started),
        refreshed_at: new Date().toISOString(),
      });
      return figures;
    })().finally(() => running.delete(shop));
    running.set(shop, run);
    return run;
  }

  return {
    rebuild: (shop: string) => rebuild(shop, clock()),

    /** The figures for a request at `now`, and the predictions' newest computed_at (the dashboard's computedAt). */
    async figures(shop: string, now: Date): Promise<{ figures: DashboardFigures; computedAt: string | null }> {
      const [stored, stamps] = await Promise.all([findSummary(reader, shop), summaryStamps(reader, shop)]);
      const computedAt = stamps.predictions;
      const fresh =
        stored &&
        sameDay(stored.as_of, now) &&
        stored.orders_stamp === stamps.orders &&
        stored.predictions_stamp === stamps.predictions;
      if (stored && fresh) return { figures: JSON.parse(stored.figures), computedAt };
      if (!stored || stored.refresh_ms < INLINE_REBUILD_MS) return { figures: await rebuild(shop, now), computedAt };
      if (!running.has(shop) && Date.now() - (lastStarted.get(shop) ?? 0) >= REBUILD_GAP_MS) {
        rebuild(shop, now).catch((err: unknown) =>
          log(`dashboard figures for ${shop}: ${err instanceof Error ? err.message : String(err)}`),
        );
      }
      return { figures: JSON.parse(stored.figures), computedAt };
    },
  };
}

export type DashboardSummary = ReturnType<typeof createDashboardSummary>;
