// The orders backfill as a few bulk exports by created_at range instead of one: each range's export is built
// (by Shopify, or the simulator's own thread) while the previous range is downloaded and stored, so the import
// no longer waits for the whole shop's file. Shopify (API 2026-01 and later) runs up to 5 bulk queries per shop:
// at most two of these plus the customer export run at once.

export interface CreatedRange {
  /** Orders created at or after this instant; none = from the first. */
  createdFrom?: Date;
  /** Orders created before this instant; none = up to now, including orders placed meanwhile. */
  createdBefore?: Date;
}

const DAY_MS = 86_400_000;
/** Four quarters: the oldest range holds everything before the last 270 days. */
const RANGE_DAYS = 90;
const RANGE_COUNT = 4;

/** Oldest first; the open-ended newest range last, so orders placed during the backfill land in it. */
export function createdRanges(anchor: Date): CreatedRange[] {
  // Whole seconds: Shopify's created_at has no milliseconds, and a boundary must fall the same way each time.
  const second = Math.floor(anchor.getTime() / 1000) * 1000;
  const cut = (quarters: number) => new Date(second - quarters * RANGE_DAYS * DAY_MS);
  const ranges: CreatedRange[] = [];
  for (let back = RANGE_COUNT - 1; back >= 0; back--) {
    ranges.push({
      ...(back < RANGE_COUNT - 1 ? { createdFrom: cut(back + 1) } : {}),
      ...(back > 0 ? { createdBefore: cut(back) } : {}),
    });
  }
  return ranges;
}

/** Where a ranged backfill stands, stored in sync_state.bulk_operation_id so a restart resumes at its range. */
export interface RangedExport {
  /** The instant the ranges are cut from (the same after a restart). */
  anchor: string;
  range: number;
  /** The export of `range`. */
  id: string;
  /** The export of the range after it, once started. */
  next: string | null;
  /** Orders stored by the ranges before this one. */
  doneBefore: number;
}

export const encodeRangedExport = (at: RangedExport): string => JSON.stringify(at);

/** Null for a stored whole-shop export id (an earlier version's) or nothing stored. */
export function decodeRangedExport(stored: string | null | undefined): RangedExport | null {
  if (!stored?.startsWith("{")) return null;
  try {
    const at = JSON.parse(stored) as RangedExport;
    return typeof at.id === "string" && Number.isInteger(at.range) ? at : null;
  } catch {
    return null;
  }
}
