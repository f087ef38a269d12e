import { ValidationError } from "../shared/errors.js";

/** BTYD sufficient statistics of one customer, in one time unit (weeks for CDNOW, days in the app). */
export interface RfmSummary {
  /** Repeat purchase occasions after the first (same-day purchases merged). */
  x: number;
  /** Time of the last repeat purchase, from the first purchase (0 when x = 0). */
  tx: number;
  /** Time from the first purchase to the end of observation. */
  T: number;
  /** Number of identical customers this row stands for (default 1). */
  weight?: number;
}

/** Throws ValidationError on the first impossible row, so a fit never runs on garbage. */
export function validateSummaries(rows: RfmSummary[]): void {
  if (rows.length === 0) throw new ValidationError("No customers to fit: the summary is empty");
  rows.forEach((s, i) => {
    const ok =
      Number.isInteger(s.x) &&
      s.x >= 0 &&
      Number.isFinite(s.tx) &&
      Number.isFinite(s.T) &&
      s.tx >= 0 &&
      s.T >= s.tx &&
      (s.x > 0 || s.tx === 0) &&
      (s.weight ?? 1) > 0;
    if (!ok) throw new ValidationError(`Invalid summary row ${i + 1}: x=${s.x}, t_x=${s.tx}, T=${s.T}`, { row: i + 1 });
  });
}

/** Collapses identical (x, t_x, T) rows into weighted rows; real stores repeat the x = 0 rows heavily. */
export function compressSummaries(rows: RfmSummary[]): RfmSummary[] {
  const byKey = new Map<string, RfmSummary>();
  for (const s of rows) {
    const key = `${s.x}|${s.tx}|${s.T}`;
    const hit = byKey.get(key);
    if (hit) hit.weight = (hit.weight ?? 1) + (s.weight ?? 1);
    else byKey.set(key, { x: s.x, tx: s.tx, T: s.T, weight: s.weight ?? 1 });
  }
  return [...byKey.values()];
}
