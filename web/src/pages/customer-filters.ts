import { CUSTOMER_SORTS, type CustomerListQuery, type CustomerSort } from "../../../server/src/http/contracts.js";

const LIFECYCLES = ["first", "repeat", "none"] as const;
const PURCHASES = ["active", "at_risk", "inactive", "never"] as const;
const VISITS = ["active", "at_risk", "inactive", "unknown"] as const;
const DUES = ["this_week", "overdue"] as const;

function pick<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** The customer list query lives in the URL, so filters survive reloads and dashboard links can set them. */
export function queryFromSearch(search: URLSearchParams): CustomerListQuery {
  const page = Number(search.get("page"));
  return {
    q: search.get("q") ?? undefined,
    segment: search.get("segment") ?? undefined,
    lifecycle: pick(LIFECYCLES, search.get("lifecycle")),
    purchase: pick(PURCHASES, search.get("purchase")),
    visit: pick(VISITS, search.get("visit")),
    due: pick(DUES, search.get("due")),
    sort: pick<CustomerSort>(CUSTOMER_SORTS, search.get("sort")),
    direction: pick(["asc", "desc"] as const, search.get("direction")),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

export const FILTER_CHOICES = { lifecycle: LIFECYCLES, purchase: PURCHASES, visit: VISITS, due: DUES };
