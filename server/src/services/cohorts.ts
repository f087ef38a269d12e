import type { CohortRow } from "../contracts/admin-api.js";

/** Months between two "YYYY-MM" strings. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

/**
 * Cohort retention: customers grouped by first-order month; retention[k-1] is the share of the cohort with an
 * order k months later. Only months that have fully or partly happened (≤ currentMonth) get a cell; the last
 * one, the current month, is marked partial.
 */
export function cohortTable(
  firstMonths: Map<string, string>,
  orderMonths: Array<{ customerId: string; month: string }>,
  currentMonth: string,
): CohortRow[] {
  const sizes = new Map<string, number>();
  for (const month of firstMonths.values()) sizes.set(month, (sizes.get(month) ?? 0) + 1);
  const returned = new Map<string, number[]>();
  for (const { customerId, month } of orderMonths) {
    const first = firstMonths.get(customerId);
    if (!first) continue;
    const k = monthsBetween(first, month);
    if (k < 1) continue;
    const counts = returned.get(first) ?? [];
    counts[k - 1] = (counts[k - 1] ?? 0) + 1;
    returned.set(first, counts);
  }
  return [...sizes.keys()].sort().map((cohort) => {
    const size = sizes.get(cohort)!;
    const span = monthsBetween(cohort, currentMonth);
    const counts = returned.get(cohort) ?? [];
    const months = Math.max(0, span);
    return {
      cohort,
      size,
      retention: Array.from({ length: months }, (_, i) => (counts[i] ?? 0) / size),
      partialMonth: months > 0 ? months : null,
    };
  });
}
