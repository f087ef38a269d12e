import { exclusionReason, type Order } from "../orders/order.js";
import { ValidationError } from "../shared/errors.js";

/** One product line as the timing engine sees it. */
export interface PurchaseLine {
  productId: string;
  variantId: string | null;
  title: string;
  quantity: number;
}

/** A counted order: what the customer paid (net of refunds) and what they bought. */
export interface Purchase {
  at: Date;
  amount: number;
  lines: PurchaseLine[];
}

export interface CustomerHistory {
  customerId: string;
  purchases: Purchase[];
}

/** More orders than this for one customer is treated as bad data (bots, imports gone wrong), not as a customer. */
export const MAX_PURCHASES_PER_CUSTOMER = 5000;

/** Keeps only orders that count (see exclusionReason) and maps them to purchases. */
export function historyFromOrders(customerId: string, orders: Order[]): CustomerHistory {
  const purchases = orders
    .filter((o) => exclusionReason(o) === null)
    .map((o) => ({
      at: o.processedAt,
      amount: o.totalPrice - o.refundedTotal,
      lines: o.lines.map((l) => ({
        productId: l.productId,
        variantId: l.variantId,
        title: l.title,
        quantity: l.quantity,
      })),
    }));
  return { customerId, purchases };
}

/** Throws a ValidationError naming the customer and the problem; nothing downstream runs on bad history. */
export function validateHistory(h: CustomerHistory, now: Date): void {
  const who = `customer ${h.customerId}`;
  if (h.purchases.length === 0) throw new ValidationError(`Empty order history for ${who}`);
  if (h.purchases.length > MAX_PURCHASES_PER_CUSTOMER)
    throw new ValidationError(
      `${who} has ${h.purchases.length} orders (limit ${MAX_PURCHASES_PER_CUSTOMER}); refusing to model it`,
    );
  for (const p of h.purchases) {
    const t = p.at instanceof Date ? p.at.getTime() : NaN;
    if (!Number.isFinite(t)) throw new ValidationError(`Invalid order date for ${who}`);
    if (t > now.getTime()) throw new ValidationError(`Order dated in the future for ${who}: ${p.at.toISOString()}`);
    if (!Number.isFinite(p.amount) || p.amount < 0)
      throw new ValidationError(`Negative or non-numeric amount ${p.amount} for ${who}`);
    for (const l of p.lines)
      if (!Number.isFinite(l.quantity) || l.quantity < 0)
        throw new ValidationError(`Invalid quantity ${l.quantity} for ${who}`);
  }
}
