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

/**
 * How big an order was, for the pack effect (pack-retention.ts): the largest quantity of any one product that day,
 * at least one. Not the sum of every line: a basket of five different products does not last five times as long
 * (issue 12 review). A product always sold by the six still reads as 6; the per-unit norms (fit-store-model.ts)
 * take its constant out, not the mix of products within one customer (left: quantity ÷ the product's typical).
 */
export function unitsOf(d: PurchaseDay): number {
  if (d.units !== undefined) return d.units;
  let q = 1;
  for (const v of d.quantities.values()) q = Math.max(q, v);
  return q;
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
