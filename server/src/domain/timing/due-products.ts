import { addDays, DAY_MS } from "./days.js";
import type { ProductCycle } from "./product-cycles.js";
import type { PurchaseDay } from "./purchase-days.js";
import type { DueProduct } from "./prediction.js";

const MAX_DUE_PRODUCTS = 5;

/** The customer's next-order outlook, as far as product dues need it. */
export interface DueOutlook {
  horizonDays: number;
  pOrder: number;
  /** An order is expected within the horizon (the outlook states a window). */
  expected: boolean;
}

/**
 * Products the customer is due to replenish: last purchase of each product + its cycle scaled by the quantity bought,
 * kept while not more than one cycle overdue, soonest first.
 *
 * When no order is expected within the horizon, a product due inside it is kept but marked "by their usual cycle"
 * with the chance, rather than dropped: when the pack would run out at their pace is still true and worth knowing
 * (it is what a replenishment reminder to a slowing customer is about), but the page must not read as "they will
 * reorder it soon". Dropping it would hide that fact and silently change which customers campaigns remind.
 */
export function dueProducts(
  days: PurchaseDay[],
  cycles: ReadonlyMap<string, ProductCycle>,
  nowDay: number,
  outlook?: DueOutlook,
): DueProduct[] {
  const last = new Map<string, { day: number; qty: number }>();
  for (const d of days) for (const [id, qty] of d.quantities) last.set(id, { day: d.day, qty });
  const out: DueProduct[] = [];
  const unlikely = outlook && !outlook.expected ? outlook : null;
  for (const [id, { day, qty }] of last) {
    const c = cycles.get(id);
    if (!c || c.cycleDays === null) continue;
    const cycleDays = c.cycleDays * Math.min(4, Math.max(0.25, qty / c.typicalQuantity));
    if (day + 2 * cycleDays < nowDay) continue;
    const dueAt = addDays(new Date(day * DAY_MS), cycleDays);
    const insideHorizon = unlikely !== null && dueAt.getTime() < (nowDay + unlikely.horizonDays) * DAY_MS;
    out.push({
      productId: id,
      variantId: c.variantId,
      title: c.title,
      dueAt,
      cycleDays,
      ...(insideHorizon && { byUsualCycleOnly: { horizonDays: unlikely.horizonDays, chance: unlikely.pOrder } }),
    });
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).slice(0, MAX_DUE_PRODUCTS);
}
