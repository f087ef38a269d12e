// In-memory records of one simulated Cafe24 mall. Times are epoch ms (whole seconds); money is whole won.
export interface Cafe24ItemRecord {
  itemNo: number;
  productNo: number;
  productCode: string;
  variantCode: string;
  productName: string;
  quantity: number;
  /** Unit price in KRW (whole won). */
  price: number;
}

export interface Cafe24OrderRecord {
  /** "YYYYMMDD-NNNNNNN": the KST order day and a per-day sequence, as Cafe24 numbers orders. */
  orderId: string;
  /** Null for a guest (non-member) order. */
  memberId: string | null;
  orderDate: number;
  paymentDate: number;
  cancelDate: number | null;
  items: Cafe24ItemRecord[];
  /** Coupon discount in KRW taken off the items' sum. */
  couponDiscount: number;
  /** KRW refunded so far (cancellations and partial refunds). */
  refunded: number;
  refundDate: number | null;
}

export interface Cafe24CustomerRecord {
  memberId: string;
  name: string;
  email: string | null;
  createdDate: number;
}

export interface Cafe24CouponRecord {
  couponNo: string;
  couponName: string;
  benefitType: string;
  benefitPercentage: number | null;
  availableBegin: number;
  availableEnd: number;
  createdDate: number;
  deleted: boolean;
}

export interface Cafe24IssueRecord {
  issueNo: string;
  couponNo: string;
  memberId: string;
  issuedDate: number;
  expirationDate: number;
  usedCoupon: boolean;
}

export interface Cafe24ScriptTagRecord {
  scriptNo: string;
  clientId: string;
  src: string;
  displayLocation: string[];
  skinNo: number[];
  integrity: string | null;
  createdDate: number;
}

export function orderSubtotal(order: Cafe24OrderRecord): number {
  return order.items.reduce((sum, item) => sum + item.quantity * item.price, 0);
}

/** What the shopper paid at checkout (initial_order_amount.payment_amount). */
export function orderPaid(order: Cafe24OrderRecord): number {
  return Math.max(0, orderSubtotal(order) - order.couponDiscount);
}
