// In-memory record shapes of one simulated shop. Times are epoch milliseconds (whole seconds).
export interface CustomerRecord {
  id: number;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string;
  country: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ProductRecord {
  id: number;
  variantId: number;
  title: string;
  handle: string;
  sku: string;
}

export interface LineRecord {
  id: number;
  productId: number | null;
  variantId: number | null;
  title: string;
  quantity: number;
  price: number;
}

export interface RefundRecord {
  id: number;
  createdAt: number;
  amount: number;
}

export interface OrderRecord {
  id: number;
  name: string;
  customerId: number | null;
  createdAt: number;
  processedAt: number;
  updatedAt: number;
  cancelledAt: number | null;
  cancelReason: string | null;
  test: boolean;
  currency: string;
  sourceName: string;
  lines: LineRecord[];
  discountCodes: string[];
  discountAmount: number;
  refunds: RefundRecord[];
}

export interface DiscountRecord {
  id: number;
  codeId: number;
  title: string;
  code: string;
  startsAt: number;
  endsAt: number | null;
  customerIds: number[] | "all";
  percentage: number | null;
  amount: number | null;
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
  usageCount: number;
  createdAt: number;
}

export interface MetafieldRecord {
  id: number;
  ownerType: "CUSTOMER" | "ORDER" | "PRODUCT" | "SHOP";
  ownerId: number;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: number;
  updatedAt: number;
}

/** A metafield definition (metafieldDefinitionCreate); namespace resolved ("app--<appId>--dangol"). */
export interface MetafieldDefinitionRecord {
  id: number;
  name: string;
  ownerType: MetafieldRecord["ownerType"];
  namespace: string;
  key: string;
  type: string;
  /** Whether the admin (and, as the simulator assumes, the customer segment editor) may filter on it. */
  adminFilterable: boolean;
}

export function orderSubtotal(order: OrderRecord): number {
  return order.lines.reduce((sum, line) => sum + line.quantity * line.price, 0);
}

export function orderTotal(order: OrderRecord): number {
  return Math.max(0, round2(orderSubtotal(order) - order.discountAmount));
}

export function orderRefunded(order: OrderRecord): number {
  return round2(order.refunds.reduce((sum, refund) => sum + refund.amount, 0));
}

export function orderCurrentTotal(order: OrderRecord): number {
  return Math.max(0, round2(orderTotal(order) - orderRefunded(order)));
}

/** Shopify OrderDisplayFinancialStatus for the states the simulator produces. */
export function financialStatus(order: OrderRecord): "PAID" | "PARTIALLY_REFUNDED" | "REFUNDED" | "VOIDED" {
  const refunded = orderRefunded(order);
  const total = orderTotal(order);
  if (refunded > 0 && refunded >= total) return "REFUNDED";
  if (refunded > 0) return "PARTIALLY_REFUNDED";
  if (order.cancelledAt !== null && total > 0) return "VOIDED";
  return "PAID";
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
