// Per-customer order count and spend, recomputed only when the store changes.
import { orderCurrentTotal } from "../records.js";
import type { ShopStore } from "../store.js";

const cache = new WeakMap<ShopStore, { version: number; stats: Map<number, { count: number; spent: number }> }>();

export function customerStats(store: ShopStore): Map<number, { count: number; spent: number }> {
  const cached = cache.get(store);
  if (cached && cached.version === store.version) return cached.stats;
  const stats = new Map<number, { count: number; spent: number }>();
  for (const order of store.orders.values()) {
    if (order.customerId === null) continue;
    const entry = stats.get(order.customerId) ?? { count: 0, spent: 0 };
    entry.count++;
    entry.spent += orderCurrentTotal(order);
    stats.set(order.customerId, entry);
  }
  cache.set(store, { version: store.version, stats });
  return stats;
}
