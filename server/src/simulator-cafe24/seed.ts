// Seeds a Cafe24 mall from the same Online Retail II rows as the Shopify simulator: the Shopify seeder builds its
// records once (same customers, invoices, cancellations and quirks), and they are re-expressed the way Cafe24
// holds them: won instead of pounds, member ids, "YYYYMMDD-NNNNNNN" order ids by KST day.
import { ShopStore } from "../simulator/store.js";
import { seedOnlineRetail, type SeedOptions, type SeedStats } from "../simulator/seed-online-retail.js";
import { orderTotal, type OrderRecord } from "../simulator/records.js";
import type { Cafe24CustomerRecord, Cafe24OrderRecord } from "./records.js";
import { kstDay } from "./kst.js";

/** A fixed rate so prices stay stable run to run (about the 2026 rate). */
export const KRW_PER_GBP = 1_700;

export interface Cafe24SeedOptions extends SeedOptions {
  /**
   * Squeezes the timeline toward the newest order (0.25 = a year's orders in three months), so tests can meet
   * more than 15,000 orders in one three-month window with real rows. Default 1.
   */
  timeScale?: number;
}

export interface Cafe24Seed {
  orders: Cafe24OrderRecord[];
  customers: Cafe24CustomerRecord[];
  stats: SeedStats;
}

export const won = (pounds: number): number => Math.round(pounds * KRW_PER_GBP);

export function memberIdOf(customerId: number): string {
  return `m${customerId}`;
}

export async function seedCafe24FromOnlineRetail(options: Cafe24SeedOptions = {}): Promise<Cafe24Seed> {
  const store = new ShopStore("cafe24-seed", 1, "GBP");
  const stats = await seedOnlineRetail(store, options);
  const source = [...store.orders.values()];
  const anchor = source.reduce((max, o) => Math.max(max, o.processedAt), -Infinity);
  const scale = options.timeScale ?? 1;
  const squeeze = (ms: number) => (scale === 1 ? ms : Math.round((anchor - (anchor - ms) * scale) / 1000) * 1000);
  source.sort((a, b) => a.processedAt - b.processedAt || a.id - b.id);
  const perDay = new Map<string, number>();
  const orders = source.map((o) => toCafe24Order(o, squeeze, perDay, store));
  const customers = [...store.customers.values()].map((c) => ({
    memberId: memberIdOf(c.id),
    name: [c.firstName, c.lastName].filter(Boolean).join(" ") || memberIdOf(c.id),
    email: c.email,
    createdDate: squeeze(c.createdAt),
  }));
  return { orders, customers, stats };
}

function toCafe24Order(
  o: OrderRecord,
  squeeze: (ms: number) => number,
  perDay: Map<string, number>,
  store: ShopStore,
): Cafe24OrderRecord {
  const orderDate = squeeze(o.processedAt);
  const day = kstDay(orderDate);
  const sequence = (perDay.get(day) ?? 0) + 1;
  perDay.set(day, sequence);
  const items = o.lines.map((line, index) => {
    const product = line.productId === null ? undefined : store.products.get(line.productId);
    const productNo = line.productId === null ? 0 : (line.productId % 9_000_000) + 1;
    const productCode = `P${String(productNo).padStart(7, "0")}`;
    return {
      itemNo: index + 1,
      productNo,
      productCode,
      variantCode: `${productCode}000A`,
      productName: product?.title ?? line.title,
      quantity: line.quantity,
      price: won(line.price),
    };
  });
  const subtotal = items.reduce((s, i) => s + i.quantity * i.price, 0);
  const couponDiscount = o.discountAmount > 0 ? Math.min(subtotal, won(o.discountAmount)) : 0;
  const paid = subtotal - couponDiscount;
  const refundedGbp = o.refunds.reduce((s, r) => s + r.amount, 0);
  const refunded = refundedGbp >= orderTotal(o) ? paid : Math.min(paid, won(refundedGbp));
  const lastRefund = o.refunds.reduce<number | null>((m, r) => Math.max(m ?? 0, r.createdAt), null);
  return {
    orderId: `${day.replaceAll("-", "")}-${String(sequence).padStart(7, "0")}`,
    memberId: o.customerId === null ? null : memberIdOf(o.customerId),
    orderDate,
    paymentDate: orderDate,
    cancelDate: o.cancelledAt === null ? null : squeeze(o.cancelledAt),
    items,
    couponDiscount,
    refunded,
    refundDate: lastRefund === null ? null : squeeze(lastRefund),
  };
}
