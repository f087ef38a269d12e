// A new shop has no snapshot from a week ago, so the dashboard grid could show no movement for its first week.
// Rebuild last week's grid from what was known then: orders placed before that day, fitted as of that day.
import type { Db } from "../db/database.js";
import { saveSnapshot, snapshotBefore } from "../db/repositories/dashboard.repository.js";
import { loadShopHistories } from "../db/repositories/timing-history.repository.js";
import { loadVisitSummaries } from "../db/repositories/visit.repository.js";
import { fitStoreModel } from "../domain/timing/fit-store-model.js";
import { predictCustomer } from "../domain/timing/predict-customer.js";

const WEEK_MS = 7 * 86_400_000;

export function createSegmentHistoryService(deps: { db: Db; clock: () => Date }) {
  return {
    /** Returns false when a week-old snapshot already exists or there was nothing to count then. */
    async ensureLastWeekSnapshot(shop: string): Promise<boolean> {
      const asOf = new Date(deps.clock().getTime() - WEEK_MS);
      const day = asOf.toISOString().slice(0, 10);
      if (await snapshotBefore(deps.db, shop, day)) return false;
      const histories = (await loadShopHistories(deps.db, shop))
        .map((h) => ({ ...h, purchases: h.purchases.filter((p) => p.at < asOf) }))
        .filter((h) => h.purchases.length > 0);
      if (histories.length === 0) return false;
      const model = fitStoreModel(histories, asOf);
      // Visits after that day did not exist yet. (A customer who visited both before and after counts as not
      // visiting: acceptable for a shop's first week, the only time this runs.)
      const visits = await loadVisitSummaries(deps.db, shop, null);
      const counts = new Map<string, number>();
      for (const h of histories) {
        const last = visits?.get(h.customerId)?.lastVisitAt ?? null;
        const visit = visits ? { lastVisitAt: last && last < asOf ? last : null } : undefined;
        const key = predictCustomer(h, model, asOf, visit).segment.key;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      await saveSnapshot(deps.db, shop, day, counts, deps.clock());
      return true;
    },
  };
}
