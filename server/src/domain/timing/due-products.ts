import { addDays, DAY_MS } from "./days.js";
import type { ProductCycle } from "./product-cycles.js";
import type { PurchaseDay } from "./purchase-days.js";
import type { DueProduct } from "./prediction.js";

const MAX_DUE_PRODUCTS = 5;

/**
 * Products the customer is due to replenish: last purchase of each product + its cycle scaled by the quantity bought,
 * kept while not more than one cycle overdue, soonest first.
 */
export function dueProducts(
  days: PurchaseDay[],
  cycles: ReadonlyMap<string, ProductCycle>,
  nowDay: number,
): DueProduct[] {
  const last = new Map<string, { day: number; qty: number }>();
  for (const d of days) for (const [id, qty] of d.quantities) last.set(id, { day: d.day, qty });
  const out: DueProduct[] = [];
  for (const [id, { day, qty }] of last) {
    const c = cycles.get(id);
    if (!c || c.cycleDays === null) continue;
    const cycleDays = c.cycleDays * Math.min(4, Math.max(0.25, qty / c.typicalQuantity));
    if (day + 2 * cycleDays < nowDay) continue;
    out.push({
      productId: id,
      variantId: c.variantId,
      title: c.title,
      dueAt: addDays(new Date(day * DAY_MS), cycleDays),
      cycleDays,
    });
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).slice(0, MAX_DUE_PRODUCTS);
}
