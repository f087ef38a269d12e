import type { Order } from "../../domain/orders/order.js";
import { historyFromOrders, type CustomerHistory } from "../../domain/timing/history.js";
import type { FileOrder } from "./read-orders.js";

/**
 * The platform-neutral Order a file row group stands for. A file has no update time; the order's own time stands in,
 * so a synced copy of the same order (with a later updated_at) is never overwritten by an import.
 */
export function toDomainOrder(o: FileOrder): Order {
  const linesTotal = o.lines.reduce((s, l) => s + l.quantity * l.price, 0);
  const totalPrice = o.total ?? linesTotal;
  return {
    id: o.id,
    customerId: o.customerId,
    processedAt: o.at,
    updatedAt: o.at,
    cancelledAt: o.state === "cancelled" ? o.at : null,
    test: false,
    totalPrice,
    refundedTotal: o.state === "refunded" ? totalPrice : Math.min(o.refunded, totalPrice),
    currency: o.currency,
    discountCodes: [],
    lines: o.lines,
  };
}

/** Joins yearly files into one log: each earlier file contributes only the orders before the next file starts. */
export function combineFiles(files: FileOrder[][]): FileOrder[] {
  const withStart = files
    .filter((f) => f.length)
    .map((f) => ({ f, start: f.reduce((m, o) => Math.min(m, o.at.getTime()), Infinity) }))
    .sort((a, b) => a.start - b.start);
  return withStart.flatMap(({ f }, i) =>
    i + 1 < withStart.length ? f.filter((o) => o.at.getTime() < withStart[i + 1].start) : f,
  );
}

/** Customers' counted purchases (the domain decides what counts: not cancelled, not refunded, total > 0). */
export function toHistories(orders: FileOrder[]): CustomerHistory[] {
  const out: CustomerHistory[] = [];
  eachHistory([...orders], (h) => out.push(h));
  return out;
}

/**
 * Hands each customer's history (customers with at least one counted order, in order of first appearance) to
 * `use`, consuming `orders`: the array is emptied and each customer's file orders are let go once converted, so a
 * large file is never held twice (as file orders and as histories).
 */
export function eachHistory(orders: FileOrder[], use: (h: CustomerHistory) => void): void {
  const byCustomer = new Map<string, FileOrder[]>();
  for (const o of orders) {
    const list = byCustomer.get(o.customerId);
    if (list) list.push(o);
    else byCustomer.set(o.customerId, [o]);
  }
  orders.length = 0;
  for (const [customerId, list] of byCustomer) {
    byCustomer.delete(customerId);
    const h = historyFromOrders(customerId, list.map(toDomainOrder));
    if (h.purchases.length) use(h);
  }
}
