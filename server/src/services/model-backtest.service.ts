import type { Db } from "../db/database.js";
import { loadShopHistories } from "../db/repositories/timing-history.repository.js";
import { runBacktest, type BacktestCustomer } from "../domain/timing/backtest.js";
import { dayIndex } from "../domain/timing/days.js";
import { toPurchaseDays } from "../domain/timing/purchase-days.js";
import { AppError } from "../domain/shared/errors.js";
import type { BacktestSummary } from "../contracts/admin-api.js";

const DAY = 86_400_000;
const QUARTER_DAYS = 91;
/** Refitting the store model is seconds of CPU on a big shop; a quarter-old cutoff barely moves within hours. */
const CACHE_MS = 6 * 60 * 60 * 1000;

/**
 * "Last quarter, X% reordered inside the predicted window": fit on orders before now − 91 days, then check where
 * each customer's first reorder in the following 91 days fell (domain/timing/backtest.ts), with the windows' median
 * width and the share of customers shown one (the rest read "not expected within 91 days").
 */
export function createModelBacktestService(deps: { db: Db; now?: () => Date }) {
  const clock = deps.now ?? (() => new Date());
  const cache = new Map<string, { at: number; value: BacktestSummary | null }>();
  return {
    async summary(shop: string): Promise<BacktestSummary | null> {
      const now = clock();
      const hit = cache.get(shop);
      if (hit && now.getTime() - hit.at < CACHE_MS) return hit.value;
      const cutoff = new Date(now.getTime() - QUARTER_DAYS * DAY);
      const cut = dayIndex(cutoff);
      const customers: BacktestCustomer[] = [];
      for (const h of await loadShopHistories(deps.db, shop)) {
        const before = h.purchases.filter((p) => p.at < cutoff);
        if (before.length === 0) continue;
        const after = toPurchaseDays({
          customerId: h.customerId,
          purchases: h.purchases.filter((p) => p.at >= cutoff),
        });
        customers.push({
          calibration: toPurchaseDays({ customerId: h.customerId, purchases: before }),
          holdoutDays: after.map((d) => d.day).filter((d) => d < cut + QUARTER_DAYS),
        });
      }
      let value: BacktestSummary | null = null;
      try {
        const result = customers.length ? runBacktest(customers, cutoff, QUARTER_DAYS) : null;
        if (result && result.reorderers > 0) {
          value = {
            from: cutoff.toISOString(),
            to: now.toISOString(),
            reordered: result.reorderers,
            insideWindowShare: result.ours.reorderedInsideWindowShare,
            horizonDays: QUARTER_DAYS,
            medianWindowDays: result.ours.medianWindowDays,
            windowedShare: result.ours.windowedShare,
          };
        }
      } catch (err) {
        // Too little history to fit is "no backtest yet", not a server error.
        if (!(err instanceof AppError)) throw err;
      }
      cache.set(shop, { at: now.getTime(), value });
      return value;
    },
  };
}

export type ModelBacktestService = ReturnType<typeof createModelBacktestService>;
