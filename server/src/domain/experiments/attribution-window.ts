const DAY = 86_400_000;

/**
 * Attribution rule: an order counts for a campaign when the customer had been assigned to it (decided: shown the
 * banner, or held out) at or before the order, and last assigned no more than 14 days before it. Both arms are
 * measured the same way, so the holdout is a fair baseline.
 */
export const ATTRIBUTION_WINDOW_DAYS = 14;

/** A customer's time in one campaign: the first arm recorded (intent to treat) and the first and latest decisions. */
export interface ExposureSpan {
  customerId: string;
  arm: string;
  firstAt: Date;
  lastAt: Date;
}

/** An order that counts (not cancelled, test or fully refunded), with its revenue net of refunds. */
export interface RevenueOrder {
  orderId: string;
  customerId: string;
  processedAt: Date;
  revenue: number;
}

export interface CustomerOutcome {
  customerId: string;
  arm: string;
  orders: number;
  revenue: number;
}

/** One outcome per span (zero orders included: every assigned customer is in the denominator). */
export function attributeOrders(
  spans: readonly ExposureSpan[],
  orders: readonly RevenueOrder[],
  windowDays = ATTRIBUTION_WINDOW_DAYS,
): CustomerOutcome[] {
  const byCustomer = new Map<string, RevenueOrder[]>();
  for (const o of orders) {
    const list = byCustomer.get(o.customerId);
    if (list) list.push(o);
    else byCustomer.set(o.customerId, [o]);
  }
  return spans.map((s) => {
    let count = 0;
    let revenue = 0;
    for (const o of byCustomer.get(s.customerId) ?? []) {
      const t = o.processedAt.getTime();
      if (t >= s.firstAt.getTime() && t - s.lastAt.getTime() <= windowDays * DAY) {
        count++;
        revenue += Math.max(0, o.revenue);
      }
    }
    return { customerId: s.customerId, arm: s.arm, orders: count, revenue };
  });
}

/** The orders some span attributes, each once even when several campaigns claim it (for totals across campaigns). */
export function attributedOrderIds(
  spans: readonly ExposureSpan[],
  orders: readonly RevenueOrder[],
  windowDays = ATTRIBUTION_WINDOW_DAYS,
): Set<string> {
  const out = new Set<string>();
  for (const s of spans) {
    const one = attributeOrders([s], orders, windowDays)[0];
    if (one.orders === 0) continue;
    for (const o of orders) {
      const t = o.processedAt.getTime();
      if (o.customerId === s.customerId && t >= s.firstAt.getTime() && t - s.lastAt.getTime() <= windowDays * DAY)
        out.add(o.orderId);
    }
  }
  return out;
}
