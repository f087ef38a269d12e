// A standalone Cafe24 backfill loop: pages through listOrders (or listCustomers) from a stored cursor, hands each
// page to `store`, then saves the page's next cursor, so a run killed at any point resumes after the last stored
// page. The app's own sync service does the same with sync_state.cursor; this is for tools and tests.
import type { Order } from "../../domain/orders/order.js";
import type { Page, PlatformCustomer } from "../commerce-platform.js";
import type { Cafe24Platform } from "./cafe24-platform.js";

export interface CursorStore {
  /** null before the first page; "done" once the walk finished. */
  load(): Promise<string | null>;
  save(cursor: string): Promise<void>;
}

export interface BackfillRun<T> {
  platform: Cafe24Platform;
  mallId: string;
  cursors: CursorStore;
  store(items: T[]): Promise<void>;
  pageSize?: number;
  /** Stops between pages (the page in hand is stored and its cursor saved first). */
  signal?: AbortSignal;
}

export function backfillCafe24Orders(run: BackfillRun<Order>): Promise<"done" | "aborted"> {
  return walk(run, (cursor) => run.platform.listOrders(run.mallId, { cursor, pageSize: run.pageSize ?? 1000 }));
}

export function backfillCafe24Customers(run: BackfillRun<PlatformCustomer>): Promise<"done" | "aborted"> {
  return walk(run, (cursor) => run.platform.listCustomers(run.mallId, { cursor, pageSize: run.pageSize ?? 1000 }));
}

async function walk<T>(run: BackfillRun<T>, next: (cursor: string | null) => Promise<Page<T>>) {
  let cursor = await run.cursors.load();
  if (cursor === "done") return "done";
  for (;;) {
    if (run.signal?.aborted) return "aborted";
    const page = await next(cursor);
    await run.store(page.items);
    cursor = page.nextCursor;
    await run.cursors.save(cursor ?? "done");
    if (cursor === null) return "done";
  }
}
