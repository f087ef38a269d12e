// Cursor paging over a platform's orders/customers, resumable from a stored cursor.
import type { Order } from "../domain/orders/order.js";
import type { CommercePlatform, Page, PlatformCustomer } from "../platforms/commerce-platform.js";

export interface PagingOptions {
  platform: CommercePlatform;
  shop: string;
  pageSize?: number;
  updatedSince?: Date;
  startCursor?: string | null;
  /** Items already stored before startCursor (progress counts continue from here). */
  startDone?: number;
  signal?: AbortSignal;
}

type OnPage<T> = (items: T[], nextCursor: string | null, done: number) => Promise<void>;

async function pageThrough<T>(
  list: (cursor: string | null) => Promise<Page<T>>,
  o: PagingOptions,
  onPage: OnPage<T>,
): Promise<void> {
  let cursor = o.startCursor ?? null;
  let done = o.startDone ?? 0;
  do {
    o.signal?.throwIfAborted();
    const page = await list(cursor);
    done += page.items.length;
    await onPage(page.items, page.nextCursor, done);
    cursor = page.nextCursor;
  } while (cursor);
}

export function pageThroughOrders(o: PagingOptions, onPage: OnPage<Order>): Promise<void> {
  return pageThrough(
    (cursor) =>
      o.platform.listOrders(o.shop, {
        cursor,
        pageSize: o.pageSize ?? o.platform.pageSizes?.orders ?? 50,
        updatedSince: o.updatedSince,
      }),
    o,
    onPage,
  );
}

export function pageThroughCustomers(o: PagingOptions, onPage: OnPage<PlatformCustomer>): Promise<void> {
  return pageThrough(
    (cursor) =>
      o.platform.listCustomers(o.shop, {
        cursor,
        pageSize: o.pageSize ?? o.platform.pageSizes?.customers ?? 250,
        updatedSince: o.updatedSince,
      }),
    o,
    onPage,
  );
}
