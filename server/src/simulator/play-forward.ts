// Plays the shop forward: new orders for existing customers (lines sampled from their own history, so product
// cycles stay realistic), some refunds/cancellations, and redemptions of codes the app created. Fires webhooks.
import type { Rng } from "./rng.js";
import type { ShopStore } from "./store.js";
import { orderTotal, round2, type DiscountRecord, type OrderRecord } from "./records.js";
import { discountStatus } from "./resolvers/discounts.js";

export interface PlayOptions {
  /** When the orders are placed (defaults to the simulator clock). */
  at?: Date;
  /** Per new order, chance of also refunding part of a recent order (default 0.1). */
  refundRate?: number;
  /** Per new order, chance of also cancelling a recent order (default 0.05). */
  cancelRate?: number;
  /** Chance a customer with an active personal code uses it (default 0.5). */
  redeemRate?: number;
  /** Share of guest orders (default 0.1). */
  guestRate?: number;
}

export interface PlayResult {
  created: OrderRecord[];
  refunded: OrderRecord[];
  cancelled: OrderRecord[];
  redeemedCodes: string[];
}

const RECENT = 50;

export function playOrders(store: ShopStore, rng: Rng, n: number, now: number, options: PlayOptions = {}): PlayResult {
  const at = options.at?.getTime() ?? now;
  const result: PlayResult = { created: [], refunded: [], cancelled: [], redeemedCodes: [] };
  const history = ordersByCustomer(store);
  const customers = [...history.keys()];
  const allOrders = [...store.orders.values()].filter((o) => o.cancelledAt === null && o.lines.length > 0);
  if (allOrders.length === 0) return result;
  for (let i = 0; i < n; i++) {
    const guest = customers.length === 0 || rng() < (options.guestRate ?? 0.1);
    const customerId = guest ? null : customers[Math.floor(rng() * customers.length)];
    const pool = customerId === null ? allOrders : history.get(customerId)!;
    const template = pool[Math.floor(rng() * pool.length)];
    const lines = template.lines.filter(() => rng() < 0.6);
    if (lines.length === 0) lines.push(template.lines[Math.floor(rng() * template.lines.length)]);
    const discount =
      customerId === null ? undefined : redeemable(store, customerId, at, rng, options.redeemRate ?? 0.5);
    const subtotal = lines.reduce((s, l) => s + l.price * l.quantity, 0);
    const order = store.createOrder(
      {
        customerId,
        processedAt: at,
        lines: lines.map(({ productId, variantId, title, quantity, price }) => ({
          productId,
          variantId,
          title,
          quantity,
          price,
        })),
        discountCodes: discount ? [discount.code] : [],
        discountAmount: discount
          ? round2(
              discount.percentage !== null ? subtotal * discount.percentage : Math.min(subtotal, discount.amount ?? 0),
            )
          : 0,
      },
      at,
    );
    if (discount) {
      discount.usageCount++;
      result.redeemedCodes.push(discount.code);
    }
    result.created.push(order);
    if (rng() < (options.refundRate ?? 0.1)) refundSome(store, rng, at, result);
    if (rng() < (options.cancelRate ?? 0.05)) cancelSome(store, rng, at, result);
  }
  return result;
}

function ordersByCustomer(store: ShopStore): Map<number, OrderRecord[]> {
  const map = new Map<number, OrderRecord[]>();
  for (const order of store.orders.values()) {
    if (order.customerId === null || order.cancelledAt !== null || order.lines.length === 0) continue;
    const list = map.get(order.customerId) ?? [];
    list.push(order);
    map.set(order.customerId, list);
  }
  return map;
}

function redeemable(
  store: ShopStore,
  customerId: number,
  at: number,
  rng: Rng,
  rate: number,
): DiscountRecord | undefined {
  for (const discount of store.discounts.values()) {
    const forCustomer = discount.customerIds === "all" || discount.customerIds.includes(customerId);
    if (forCustomer && discountStatus(discount, at) === "ACTIVE" && rng() < rate) return discount;
  }
  return undefined;
}

function recentOrders(store: ShopStore): OrderRecord[] {
  const live = [...store.orders.values()].filter((o) => o.cancelledAt === null && orderTotal(o) > 0);
  return live.sort((a, b) => b.processedAt - a.processedAt).slice(0, RECENT);
}

function refundSome(store: ShopStore, rng: Rng, at: number, result: PlayResult): void {
  const candidates = recentOrders(store);
  if (!candidates.length) return;
  const order = candidates[Math.floor(rng() * candidates.length)];
  const line = order.lines[Math.floor(rng() * order.lines.length)];
  result.refunded.push(store.refundOrder(order.id, line.price * line.quantity, at));
}

function cancelSome(store: ShopStore, rng: Rng, at: number, result: PlayResult): void {
  const candidates = recentOrders(store);
  if (!candidates.length) return;
  result.cancelled.push(store.cancelOrder(candidates[Math.floor(rng() * candidates.length)].id, at));
}
