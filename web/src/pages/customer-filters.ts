import {
  CHURN_RISK_BAND_KEYS,
  CUSTOMER_DUE_WINDOWS,
  CUSTOMER_SORT_DIRECTIONS,
  CUSTOMER_SORTS,
  type CustomerListQuery,
  type CustomerSort,
  RFM_GROUP_KEYS,
  type RfmGroupKey,
  type SortDirection,
} from "../../../server/src/contracts/admin-api.js";
import { queryString } from "../api/client.js";

const LIFECYCLES = ["first", "repeat", "none"] as const;
const PURCHASES = ["active", "at_risk", "inactive", "never"] as const;
const VISITS = ["active", "at_risk", "inactive", "unknown"] as const;

function pick<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** "CHAMPIONS,LOYAL" → the known groups, each once, in Shopify's order; undefined when none is left. */
function rfmGroups(value: string | null): RfmGroupKey[] | undefined {
  const asked = new Set((value ?? "").split(","));
  const groups = RFM_GROUP_KEYS.filter((key) => asked.has(key));
  return groups.length ? groups : undefined;
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
    rfm: rfmGroups(search.get("rfm")),
    churn: pick(CHURN_RISK_BAND_KEYS, search.get("churn")),
    due: pick(CUSTOMER_DUE_WINDOWS, search.get("due")),
    sort: pick<CustomerSort>(CUSTOMER_SORTS, search.get("sort")),
    direction: pick(["asc", "desc"] as const, search.get("direction")),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

/** "?rfm=CHAMPIONS,LOYAL&sort=churn_risk": the URL (and API) form of a query; the API reads the same string. */
export function searchFromQuery(query: CustomerListQuery): string {
  return queryString({ ...query, rfm: query.rfm?.join(",") });
}

/** Filters with one choice each (rfm takes several). */
export const FILTER_CHOICES = {
  rfm: RFM_GROUP_KEYS,
  churn: CHURN_RISK_BAND_KEYS,
  due: CUSTOMER_DUE_WINDOWS,
  lifecycle: LIFECYCLES,
  purchase: PURCHASES,
  visit: VISITS,
} as const;
export type FilterKey = keyof typeof FILTER_CHOICES;

/** The selected values of one filter, as a ChoiceList wants them. */
export function selectedChoices(query: CustomerListQuery, key: FilterKey): string[] {
  const value = query[key];
  return value === undefined ? [] : [value].flat();
}

/** How each sort's two directions read: numbers high/low, dates soon/late, names A–Z. */
export const SORT_KIND: Record<CustomerSort, "number" | "date" | "text"> = {
  due: "date",
  churn_risk: "number",
  rfm: "number",
  spend: "number",
  clv: "number",
  p_alive: "number",
  last_order: "date",
  orders: "number",
  name: "text",
};

/** The sort and direction the list is in (the sort's natural direction unless the URL says otherwise). */
export function currentSort(query: CustomerListQuery): { sort: CustomerSort; direction: SortDirection } {
  const sort = query.sort ?? "due";
  return { sort, direction: query.direction ?? CUSTOMER_SORT_DIRECTIONS[sort] };
}

/** 1-based positions of the first and last row on a page ("1–50" of 3,088); 0–0 when nothing matches. */
export function pageRange(page: number, pageSize: number, total: number, rows: number): { from: number; to: number } {
  if (total === 0 || rows === 0) return { from: 0, to: 0 };
  const from = (page - 1) * pageSize + 1;
  return { from, to: from + rows - 1 };
}
