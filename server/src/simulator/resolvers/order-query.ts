// orders(...) and customers(...) list queries: search filter, sort, keyset pagination (cached per store version).
import { paginate, type ConnectionArgs } from "../connection.js";
import { parseSearch, type FieldAccessors } from "../search-query.js";
import { orderTotal, type CustomerRecord, type OrderRecord } from "../records.js";
import type { GraphqlContext } from "./context.js";

export interface ListArgs extends ConnectionArgs {
  query?: string | null;
  sortKey?: string | null;
}

const ORDER_FIELDS: FieldAccessors<OrderRecord> = {
  updated_at: { kind: "date", get: (o) => o.updatedAt },
  created_at: { kind: "date", get: (o) => o.createdAt },
  processed_at: { kind: "date", get: (o) => o.processedAt },
  id: { kind: "number", get: (o) => o.id },
  customer_id: { kind: "number", get: (o) => o.customerId },
  test: { kind: "boolean", get: (o) => o.test },
  name: { kind: "string", get: (o) => o.name },
};

const CUSTOMER_FIELDS: FieldAccessors<CustomerRecord> = {
  updated_at: { kind: "date", get: (c) => c.updatedAt },
  created_at: { kind: "date", get: (c) => c.createdAt },
  id: { kind: "number", get: (c) => c.id },
  email: { kind: "string", get: (c) => c.email },
  country: { kind: "string", get: (c) => c.country },
};

const ORDER_SORT: Record<string, (o: OrderRecord) => number | string> = {
  ID: (o) => o.id,
  ORDER_NUMBER: (o) => o.id,
  CREATED_AT: (o) => o.createdAt,
  UPDATED_AT: (o) => o.updatedAt,
  PROCESSED_AT: (o) => o.processedAt,
  TOTAL_PRICE: (o) => orderTotal(o),
};

const CUSTOMER_SORT: Record<string, (c: CustomerRecord) => number | string> = {
  ID: (c) => c.id,
  RELEVANCE: (c) => c.id,
  CREATED_AT: (c) => c.createdAt,
  UPDATED_AT: (c) => c.updatedAt,
  NAME: (c) => `${c.firstName ?? ""} ${c.lastName ?? ""}`.toLowerCase(),
};

const sortedCache = new WeakMap<object, Map<string, { version: number; items: unknown[] }>>();

function sortedBy<T extends { id: number }>(
  owner: object,
  version: number,
  name: string,
  items: () => Iterable<T>,
  value: (item: T) => number | string,
): T[] {
  const byKey = sortedCache.get(owner) ?? new Map();
  sortedCache.set(owner, byKey);
  const cached = byKey.get(name);
  if (cached && cached.version === version) return cached.items as T[];
  const sorted = [...items()].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    return va < vb ? -1 : va > vb ? 1 : a.id - b.id;
  });
  byKey.set(name, { version, items: sorted });
  return sorted;
}

export function listOrders(
  ctx: GraphqlContext,
  args: ListArgs,
  path: string,
  only?: (o: OrderRecord) => boolean,
  root = false,
) {
  const sortKey = args.sortKey ?? "ID";
  const value = ORDER_SORT[sortKey] ?? ORDER_SORT.ID;
  const sorted = sortedBy(
    ctx.store.orders,
    ctx.store.version,
    `orders:${sortKey}`,
    () => ctx.store.orders.values(),
    value,
  );
  const search = parseSearch(args.query, ORDER_FIELDS);
  noteWarnings(ctx, path, args.query, search.warnings);
  return page(
    sorted,
    (o) => (!only || only(o)) && search.matches(o),
    value,
    args,
    ctx.bulk,
    root ? ctx.bulkWindow : undefined,
  );
}

export function listCustomers(ctx: GraphqlContext, args: ListArgs, path: string, root = false) {
  const sortKey = args.sortKey ?? "ID";
  const value = CUSTOMER_SORT[sortKey] ?? CUSTOMER_SORT.ID;
  const sorted = sortedBy(
    ctx.store.customers,
    ctx.store.version,
    `customers:${sortKey}`,
    () => ctx.store.customers.values(),
    value,
  );
  const search = parseSearch(args.query, CUSTOMER_FIELDS);
  noteWarnings(ctx, path, args.query, search.warnings);
  return page(sorted, search.matches, value, args, ctx.bulk, root ? ctx.bulkWindow : undefined);
}

/** ordersCount / customersCount: matches of the search, capped at `limit` (null = exact, however many). */
export function countMatching<T>(
  items: Iterable<T>,
  fields: "orders" | "customers",
  args: { query?: string | null; limit?: number | null },
): { count: number; precision: "EXACT" | "AT_LEAST" } {
  const search = parseSearch(args.query, (fields === "orders" ? ORDER_FIELDS : CUSTOMER_FIELDS) as FieldAccessors<T>);
  let count = 0;
  for (const item of items) if (search.matches(item)) count++;
  const limit = args.limit ?? Number.POSITIVE_INFINITY;
  return count > limit ? { count: limit, precision: "AT_LEAST" } : { count, precision: "EXACT" };
}

// A bulk run reads its top-level connection in windows of 500 (bulk-operations.ts): each window filtered the whole
// sorted list again (the demo's four ranged exports: 1.5 million search matches). The matches of one query are
// kept per sorted list, which is rebuilt (so forgotten) when the store changes.
const bulkMatches = new WeakMap<object, Map<string, unknown[]>>();

function page<T extends { id: number }>(
  sorted: T[],
  keep: (item: T) => boolean,
  value: (item: T) => number | string,
  args: ListArgs,
  bulk: boolean,
  window?: { start: number; size: number },
) {
  let items: T[];
  if (bulk && window) {
    const byQuery = bulkMatches.get(sorted) ?? new Map<string, unknown[]>();
    bulkMatches.set(sorted, byQuery);
    const key = JSON.stringify([args.query ?? null, Boolean(args.reverse)]);
    let matched = byQuery.get(key) as T[] | undefined;
    if (!matched) {
      matched = sorted.filter(keep);
      if (args.reverse) matched.reverse();
      byQuery.set(key, matched);
    }
    items = matched.slice(window.start, window.start + window.size);
  } else {
    items = sorted.filter(keep);
    if (args.reverse) items = items.slice().reverse();
  }
  return paginate(items, (item) => ({ v: value(item), id: item.id }), args, bulk, Boolean(args.reverse));
}

function noteWarnings(
  ctx: GraphqlContext,
  path: string,
  query: string | null | undefined,
  warnings: Array<{ field: string; message: string }>,
): void {
  if (warnings.length && query) ctx.searchWarnings.push({ path: [path], query, warnings });
}
