import { dayIndex } from "./days.js";
import type { CustomerHistory } from "./history.js";

/** All of a customer's purchases on one UTC day, merged (the BTYD convention: one "transaction" per day). */
export interface PurchaseDay {
  day: number;
  amount: number;
  /** productId → quantity bought that day. */
  quantities: Map<string, number>;
  titles: Map<string, { title: string; variantId: string | null }>;
  /** Units bought that day, kept where quantities are dropped (the store fit's sample); else read from quantities. */
  units?: number;
}

/** Units bought on a purchase day (every line's quantity), at least one. */
export function unitsOf(d: PurchaseDay): number {
  if (d.units !== undefined) return d.units;
  let q = 0;
  for (const v of d.quantities.values()) q += v;
  return Math.max(q, 1);
}

export function toPurchaseDays(h: CustomerHistory): PurchaseDay[] {
  const byDay = new Map<number, PurchaseDay>();
  for (const p of h.purchases) {
    const day = dayIndex(p.at);
    const d = byDay.get(day) ?? { day, amount: 0, quantities: new Map(), titles: new Map() };
    byDay.set(day, d);
    d.amount += p.amount;
    for (const l of p.lines) {
      d.quantities.set(l.productId, (d.quantities.get(l.productId) ?? 0) + l.quantity);
      if (!d.titles.has(l.productId)) d.titles.set(l.productId, { title: l.title, variantId: l.variantId });
    }
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/** ln(gap in days) between consecutive purchase days. */
export function logGaps(days: PurchaseDay[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < days.length; i++) out.push(Math.log(days[i].day - days[i - 1].day));
  return out;
}
