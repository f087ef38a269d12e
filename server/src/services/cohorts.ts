import type { CohortRow } from "../contracts/admin-api.js";

/** Months between two "YYYY-MM" strings. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm);
}

/** How many customers of a first-order month (cohort) ordered in a month; the cohort's own month is its size. */
export interface CohortCell {
  cohort: string;
  month: string;
  customers: number;
}

/** Adds cells of disjoint sets of customers (the pages of a shop) into one set of cells. */
export function addCohortCells(into: Map<string, CohortCell>, cells: Iterable<CohortCell>): Map<string, CohortCell> {
  for (const c of cells) {
    const key = `${c.cohort}/${c.month}`;
    const cell = into.get(key);
    if (cell) cell.customers += c.customers;
    else into.set(key, { ...c });
  }
  return into;
}

/**
 * Cohort retention: customers grouped by first-order month; retention[k-1] is the share of the cohort with an
 * order k months later. Only months that have fully or partly happened (≤ currentMonth) get a cell; the last
 * one, the current month, is marked partial.
 */
export function cohortRows(cells: Iterable<CohortCell>, currentMonth: string): CohortRow[] {
  const sizes = new Map<string, number>();
  const returned = new Map<string, number[]>();
  for (const { cohort, month, customers } of cells) {
    const k = monthsBetween(cohort, month);
    if (k === 0) sizes.set(cohort, customers);
    if (k < 1) continue;
    const counts = returned.get(cohort) ?? [];
    counts[k - 1] = (counts[k - 1] ?? 0) + customers;
    returned.set(cohort, counts);
  }
  return [...sizes.keys()].sort().map((cohort) => {
    const size = sizes.get(cohort)!;
    const counts = returned.get(cohort) ?? [];
    const months = Math.max(0, monthsBetween(cohort, currentMonth));
    return {
      cohort,
      size,
      retention: Array.from({ length: months }, (_, i) => (counts[i] ?? 0) / size),
      partialMonth: months > 0 ? months : null,
    };
  });
}

/** The same table from each customer's first month and the (customer, month) pairs with an order. */
export function cohortTable(
  firstMonths: Map<string, string>,
  orderMonths: Array<{ customerId: string; month: string }>,
  currentMonth: string,
): CohortRow[] {
  const cells = new Map<string, CohortCell>();
  for (const month of firstMonths.values()) addCohortCells(cells, [{ cohort: month, month, customers: 1 }]);
  for (const { customerId, month } of orderMonths) {
    const cohort = firstMonths.get(customerId);
    if (cohort && month > cohort) addCohortCells(cells, [{ cohort, month, customers: 1 }]);
  }
  return cohortRows(cells.values(), currentMonth);
}
