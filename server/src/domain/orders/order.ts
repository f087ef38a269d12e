/** Platform-neutral order shapes. Adapters map Shopify/Cafe24 payloads into these; nothing else knows the wire format. */
export interface OrderLine {
  productId: string;
  variantId: string | null;
  title: string;
  quantity: number;
  /** Unit price in shop currency. */
  price: number;
}

export interface Order {
  id: string;
  customerId: string | null;
  /** When the order was placed (Shopify `processedAt`). */
  processedAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  test: boolean;
  totalPrice: number;
  refundedTotal: number;
  currency: string;
  discountCodes: string[];
  lines: OrderLine[];
}

export type ExclusionReason = "cancelled" | "test" | "zero_total" | "fully_refunded";

/** Why an order is kept out of the model's inputs (it stays stored), or null if it counts. */
export function exclusionReason(
  order: Pick<Order, "cancelledAt" | "test" | "totalPrice" | "refundedTotal">,
): ExclusionReason | null {
  if (order.cancelledAt) return "cancelled";
  if (order.test) return "test";
  if (!(order.totalPrice > 0)) return "zero_total";
  if (order.refundedTotal >= order.totalPrice) return "fully_refunded";
  return null;
}
