// Relay connections with Shopify's rules: first/last required (1..250), opaque keyset cursors.
import { GraphQLError } from "graphql";
import { decodeCursor, encodeCursor, type CursorPosition } from "./ids.js";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface Connection<T> {
  nodes: T[];
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export const MAX_PAGE_SIZE = 250;

/** `sorted` is already in the requested order; `key` yields the sort value and id used in cursors. */
export function paginate<T>(
  sorted: T[],
  key: (item: T) => CursorPosition,
  args: ConnectionArgs,
  bulk: boolean,
  descending: boolean,
): Connection<T> {
  const compare = (a: CursorPosition, b: CursorPosition) => {
    const c = a.v < b.v ? -1 : a.v > b.v ? 1 : a.id - b.id;
    return descending ? -c : c;
  };
  let start = 0;
  let end = sorted.length;
  if (args.after) start = firstAfter(sorted, key, cursorOrThrow(args.after), compare);
  if (args.before)
    end = Math.max(
      start,
      firstAfter(sorted, key, cursorOrThrow(args.before), compare) -
        (matchesExactly(sorted, key, args.before, compare) ? 1 : 0),
    );
  let window = sorted.slice(start, end);
  let hasNextPage = end < sorted.length;
  let hasPreviousPage = start > 0;
  if (!bulk) {
    const size = pageSize(args);
    if (args.first != null) {
      hasNextPage = window.length > size || hasNextPage;
      window = window.slice(0, size);
    } else {
      hasPreviousPage = window.length > size || hasPreviousPage;
      window = window.slice(Math.max(0, window.length - size));
    }
  }
  // Cursors are encoded only when selected (a getter), which matters for bulk exports of every line item.
  const edges = window.map((node) => ({
    node,
    get cursor() {
      return encodeCursor(key(node));
    },
  }));
  return {
    nodes: window,
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      // Getters too: a bulk export builds a connection for every order's line items and never reads these.
      get startCursor() {
        return window.length ? encodeCursor(key(window[0])) : null;
      },
      get endCursor() {
        return window.length ? encodeCursor(key(window[window.length - 1])) : null;
      },
    },
  };
}

function pageSize(args: ConnectionArgs): number {
  const size = args.first ?? args.last;
  if (size == null)
    throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  if (size < 0 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(
      `The ${args.first != null ? "first" : "last"} argument must be between 0 and ${MAX_PAGE_SIZE}.`,
      { extensions: { code: "BAD_REQUEST" } },
    );
  }
  return size;
}

function cursorOrThrow(cursor: string): CursorPosition {
  const position = decodeCursor(cursor);
  if (!position)
    throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: "BAD_REQUEST" } });
  return position;
}

/** Index of the first item strictly after `position` (binary search over the sorted list). */
function firstAfter<T>(
  sorted: T[],
  key: (item: T) => CursorPosition,
  position: CursorPosition,
  compare: (a: CursorPosition, b: CursorPosition) => number,
): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(key(sorted[mid]), position) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function matchesExactly<T>(
  sorted: T[],
  key: (item: T) => CursorPosition,
  cursor: string,
  compare: (a: CursorPosition, b: CursorPosition) => number,
): boolean {
  const position = decodeCursor(cursor)!;
  const index = firstAfter(sorted, key, position, compare) - 1;
  return index >= 0 && compare(key(sorted[index]), position) === 0;
}
