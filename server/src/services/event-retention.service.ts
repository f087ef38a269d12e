import type { Db } from "../db/database.js";
import { foldEventsBefore, type FoldableKind } from "../db/repositories/event-retention.repository.js";
import { deletePixelRowsBefore } from "../db/repositories/pixel.repository.js";

const DAY = 86_400_000;

/**
 * How long raw storefront beacons are kept, per kind, before the retention job folds them into daily counts.
 * - visit, click: 90 days. Nothing reads them raw except the visit axis's "last visit", which the fold keeps per
 *   shopper; a quarter of per-shopper detail is enough to look into a figure, and no more is kept than needed.
 * - impression: 366 days, because a campaign's frequency cap counts each shopper's impressions over up to 365
 *   days (campaign-input.ts: perDays ≤ 365); folding them sooner would change who sees a banner.
 * dismiss, assignment and conversion rows are never folded: they are decision facts (a dismissal ends a campaign
 * for good, arms and conversions make the lift), one per shopper and occasion rather than one per page view.
 */
export const BEACON_RETENTION_DAYS: Record<FoldableKind, number> = { visit: 90, click: 90, impression: 366 };

/**
 * How long the web pixel's rows are kept: page-view counts by the day last seen, checkout claims (which browser
 * reported which order) by the time of the claim. 13 months: a year of visits to compare against the same month of
 * the year before, and no more. A browser is tied to a customer only by an order reported within that time.
 */
export const PIXEL_RETENTION_MONTHS = 13;

export type RetentionCounts = Record<FoldableKind | "pixel_visits" | "pixel_checkouts", number>;

export interface EventRetentionDeps {
  db: Db;
  now?: () => Date;
  retentionDays?: Record<FoldableKind, number>;
  /** Rows per transaction: small enough to keep each lock short, large enough to finish a night's work quickly. */
  batchSize?: number;
}

export function createEventRetentionService(deps: EventRetentionDeps) {
  const now = deps.now ?? (() => new Date());
  const days = deps.retentionDays ?? BEACON_RETENTION_DAYS;
  const batchSize = deps.batchSize ?? 2_000;
  return {
    /**
     * Folds every beacon past its retention period, batch by batch, and deletes pixel rows past theirs; returns how
     * many rows each kind (and each pixel table) lost.
     */
    async foldExpired(): Promise<RetentionCounts> {
      const folded = { visit: 0, click: 0, impression: 0 };
      for (const kind of Object.keys(days) as FoldableKind[]) {
        const before = new Date(now().getTime() - days[kind] * DAY).toISOString();
        for (let n = batchSize; n === batchSize; ) {
          n = await foldEventsBefore(deps.db, kind, before, batchSize);
          folded[kind] += n;
        }
      }
      const pixelCutoff = new Date(now().getTime()); // a copy: now() may hand out a shared Date
      pixelCutoff.setUTCMonth(pixelCutoff.getUTCMonth() - PIXEL_RETENTION_MONTHS);
      return { ...folded, ...(await deletePixelRowsBefore(deps.db, pixelCutoff)) };
    },
  };
}

export type EventRetentionService = ReturnType<typeof createEventRetentionService>;
