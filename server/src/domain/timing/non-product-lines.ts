import type { PurchaseDay } from "./purchase-days.js";

/**
 * Order lines that are not goods a customer replenishes: postage, fees, manual adjustments, gift cards.
 * Judged from the store's own data; a title hint counts as one signal and never decides alone.
 */
export type NonProductSignal =
  | "title_hint"
  | "on_most_orders"
  | "on_each_order_of_its_buyers"
  | "never_alone"
  | "always_quantity_one";

/** The merchant's word beats the data: ids or titles (case-insensitive) always / never treated as products. */
export interface ProductOverrides {
  nonProduct: string[];
  product: string[];
}

export const NO_OVERRIDES: ProductOverrides = { nonProduct: [], product: [] };

/** Words merchants use for lines that are not goods, in the languages the app speaks (plus a few common ones). */
const TITLE_HINT =
  /\b(postage|shipping|delivery|carriage|freight|courier|fees?|charges?|surcharge|manual|adjustment|discount|gift ?cards?|gift ?vouchers?|vouchers?|samples?)\b|배송비|택배비|배송료|수수료|포장비|기프트 ?카드|상품권|적립금|送料|手数料/i;

/** A line on at least this share of the store's purchase days is part of ordering, not a thing bought. */
const MOST_ORDERS_SHARE = 0.5;
const NEVER_ALONE_SHARE = 0.95;
const QUANTITY_ONE_SHARE = 0.9;
/** A shipping line is on most orders of the customers it applies to (a clock is on few of its buyers' orders). */
const EACH_ORDER_SHARE = 0.5;
/** Data signals on fewer appearances than this are noise. */
const MIN_APPEARANCES = 10;

interface LineStats {
  title: string;
  appearances: number;
  alongsideOthers: number;
  quantityOne: number;
  /** Purchase days of repeat customers who bought it beside other lines, and how many of those days carry it so. */
  buyerDays: number;
  buyerDaysWithIt: number;
}

/** Signals per product seen; a product is a non-product line when it shows two or more (see isNonProduct). */
export function nonProductSignals(customers: PurchaseDay[][]): Map<string, NonProductSignal[]> {
  const acc = nonProductAccumulator();
  for (const days of customers) acc.add(days);
  return acc.finish();
}

/** The same signals fed one customer at a time: per-product counters only. */
export function nonProductAccumulator() {
  const stats = new Map<string, LineStats>();
  let purchaseDays = 0;
  function add(days: PurchaseDay[]): void {
    const bought = new Map<string, number>();
    for (const d of days) {
      purchaseDays += 1;
      for (const [id, qty] of d.quantities) {
        const s = stats.get(id) ?? {
          title: d.titles.get(id)?.title ?? id,
          appearances: 0,
          alongsideOthers: 0,
          quantityOne: 0,
          buyerDays: 0,
          buyerDaysWithIt: 0,
        };
        stats.set(id, s);
        s.appearances += 1;
        if (d.quantities.size > 1) s.alongsideOthers += 1;
        if (qty === 1) s.quantityOne += 1;
        if (d.quantities.size > 1) bought.set(id, (bought.get(id) ?? 0) + 1);
      }
    }
    if (days.length < 2) return;
    for (const [id, n] of bought) {
      const s = stats.get(id)!;
      s.buyerDays += days.length;
      s.buyerDaysWithIt += n;
    }
  }
  function finish(): Map<string, NonProductSignal[]> {
    const out = new Map<string, NonProductSignal[]>();
    for (const [id, s] of stats) out.set(id, signalsOf(s, purchaseDays));
    return out;
  }
  return { add, finish };
}

function signalsOf(s: LineStats, purchaseDays: number): NonProductSignal[] {
  const out: NonProductSignal[] = [];
  if (TITLE_HINT.test(s.title)) out.push("title_hint");
  if (s.appearances < MIN_APPEARANCES) return out;
  // Counted beside other lines only: a product that is the whole order is what was bought.
  if (s.alongsideOthers >= MOST_ORDERS_SHARE * purchaseDays) out.push("on_most_orders");
  if (s.buyerDays >= MIN_APPEARANCES && s.buyerDaysWithIt >= EACH_ORDER_SHARE * s.buyerDays)
    out.push("on_each_order_of_its_buyers");
  if (s.alongsideOthers >= NEVER_ALONE_SHARE * s.appearances) out.push("never_alone");
  if (s.quantityOne >= QUANTITY_ONE_SHARE * s.appearances) out.push("always_quantity_one");
  return out;
}

/**
 * A title hint backed by one usage pattern makes a non-product line ("never alone" is too common in basket-heavy
 * stores to back a hint: a carriage clock is never bought alone either). Without a hint it takes a line on most
 * orders, always beside other lines, always one of it: a shipping line called "Standard" is still shipping, while a
 * staple bought on most orders comes in varying amounts or sometimes alone.
 */
export function isNonProduct(signals: readonly NonProductSignal[]): boolean {
  const has = (s: NonProductSignal) => signals.includes(s);
  if (has("title_hint"))
    return has("on_most_orders") || has("on_each_order_of_its_buyers") || has("always_quantity_one");
  return has("on_most_orders") && has("never_alone") && has("always_quantity_one");
}

/** The merchant's override for a product, matched on id or title; null when they said nothing. */
export function overrideFor(productId: string, title: string, o: ProductOverrides): "non_product" | "product" | null {
  const matches = (list: string[]) =>
    list.some((v) => v === productId || v.trim().toLowerCase() === title.trim().toLowerCase());
  if (matches(o.product)) return "product";
  if (matches(o.nonProduct)) return "non_product";
  return null;
}
