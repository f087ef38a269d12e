import type { SegmentCell } from "../../../server/src/contracts/admin-api.js";

export const PURCHASE_ROWS: SegmentCell["purchase"][] = ["active", "at_risk", "inactive", "never"];
export const VISIT_COLUMNS: SegmentCell["visit"][] = ["active", "at_risk", "inactive", "unknown"];
export type LifecycleFilter = "all" | SegmentCell["lifecycle"];

export interface GridCell {
  count: number;
  previous: number | null;
}

/** Sums the cells per (purchase, visit) for one lifecycle (or all), dropping visit columns nobody is in. */
export function buildGrid(cells: SegmentCell[], lifecycle: LifecycleFilter) {
  const grid = new Map<string, GridCell>();
  for (const c of cells) {
    if (lifecycle !== "all" && c.lifecycle !== lifecycle) continue;
    const id = `${c.purchase}|${c.visit}`;
    const cell = grid.get(id) ?? { count: 0, previous: null };
    cell.count += c.count;
    if (c.previousCount !== null) cell.previous = (cell.previous ?? 0) + c.previousCount;
    grid.set(id, cell);
  }
  const columns = VISIT_COLUMNS.filter((v) => PURCHASE_ROWS.some((p) => grid.has(`${p}|${v}`)));
  const max = Math.max(1, ...[...grid.values()].map((c) => c.count));
  return {
    columns: columns.length ? columns : (["unknown"] as SegmentCell["visit"][]),
    max,
    at: (p: string, v: string) => grid.get(`${p}|${v}`) ?? { count: 0, previous: null },
  };
}
