// One simulated Cafe24 mall: its orders (kept sorted by order date, the list endpoint's order), members, coupons,
// coupon issues and script tags, plus the order events that drive webhooks.
import type {
  Cafe24CouponRecord,
  Cafe24CustomerRecord,
  Cafe24IssueRecord,
  Cafe24ItemRecord,
  Cafe24OrderRecord,
  Cafe24ScriptTagRecord,
} from "./records.js";
import { orderPaid } from "./records.js";
import { kstDay } from "./kst.js";

/** Cafe24 webhook event numbers the simulator sends (developers.cafe24.com webhook list). */
export const EVENT_ORDER_PLACED = 90023;
export const EVENT_PAYMENT_CHANGED = 90025;
export const EVENT_ORDER_CANCELLED = 90026;
/** A member's account deleted from the mall (withdrawal); names the members, comma-separated. */
export const EVENT_MEMBER_DELETED = 90147;
export type OrderEventNo = typeof EVENT_ORDER_PLACED | typeof EVENT_PAYMENT_CHANGED | typeof EVENT_ORDER_CANCELLED;
export type MallListener = (eventNo: OrderEventNo, order: Cafe24OrderRecord) => void;

export class Cafe24Mall {
  readonly orders: Cafe24OrderRecord[] = [];
  readonly ordersById = new Map<string, Cafe24OrderRecord>();
  readonly customers = new Map<string, Cafe24CustomerRecord>();
  readonly coupons = new Map<string, Cafe24CouponRecord>();
  readonly issues: Cafe24IssueRecord[] = [];
  readonly scriptTags = new Map<string, Cafe24ScriptTagRecord>();
  private listeners: MallListener[] = [];
  private counters = { coupon: 6_000_000_000_000_000, issue: 1_000_000, script: 1_000 };

  constructor(
    readonly mallId: string,
    readonly shopNo = 1,
  ) {}

  onOrderEvent(listener: MallListener): void {
    this.listeners.push(listener);
  }

  /** Seeding: orders must come in order-date order. */
  load(orders: Cafe24OrderRecord[], customers: Cafe24CustomerRecord[]): void {
    for (const order of orders) this.insertSorted(order);
    for (const customer of customers) this.customers.set(customer.memberId, customer);
  }

  /** Orders placed in [from, to] (inclusive), in list order (order date, then order id). */
  ordersPlacedBetween(from: number, to: number): Cafe24OrderRecord[] {
    return this.orders.slice(lowerBound(this.orders, from), lowerBound(this.orders, to + 1));
  }

  /** Orders whose other date (payment, cancellation) lies in [from, to], in list order. */
  ordersWhere(from: number, to: number, at: (o: Cafe24OrderRecord) => number | null): Cafe24OrderRecord[] {
    return this.orders.filter((o) => {
      const t = at(o);
      return t !== null && t >= from && t <= to;
    });
  }

  /** Places an order now (sequence per KST day) and sends "order placed". */
  placeOrder(input: { memberId: string | null; items: Array<Omit<Cafe24ItemRecord, "itemNo">>; at: number }) {
    const at = Math.floor(input.at / 1000) * 1000;
    const day = kstDay(at).replaceAll("-", "");
    const sameDay = this.orders.filter((o) => o.orderId.startsWith(day)).length;
    const order: Cafe24OrderRecord = {
      orderId: `${day}-${String(sameDay + 1).padStart(7, "0")}`,
      memberId: input.memberId,
      orderDate: at,
      paymentDate: at,
      cancelDate: null,
      items: input.items.map((item, index) => ({ ...item, itemNo: index + 1 })),
      couponDiscount: 0,
      refunded: 0,
      refundDate: null,
    };
    this.insertSorted(order);
    this.emit(EVENT_ORDER_PLACED, order);
    return order;
  }

  /** Cancels with a full refund and sends "cancellation status changed". */
  cancelOrder(orderId: string, at: number): Cafe24OrderRecord {
    const order = this.ordersById.get(orderId);
    if (!order) throw new Error(`No order ${orderId} in ${this.mallId}`);
    order.cancelDate = Math.floor(at / 1000) * 1000;
    order.refunded = orderPaid(order);
    order.refundDate = order.cancelDate;
    this.emit(EVENT_ORDER_CANCELLED, order);
    return order;
  }

  addCoupon(coupon: Omit<Cafe24CouponRecord, "couponNo">): Cafe24CouponRecord {
    const record = { ...coupon, couponNo: String(this.counters.coupon++) };
    this.coupons.set(record.couponNo, record);
    return record;
  }

  issueCoupon(couponNo: string, memberId: string, at: number, expiration: number): Cafe24IssueRecord {
    const issue = {
      issueNo: String(this.counters.issue++),
      couponNo,
      memberId,
      issuedDate: at,
      expirationDate: expiration,
      usedCoupon: false,
    };
    this.issues.push(issue);
    return issue;
  }

  addScriptTag(tag: Omit<Cafe24ScriptTagRecord, "scriptNo">): Cafe24ScriptTagRecord {
    const record = { ...tag, scriptNo: String(this.counters.script++) };
    this.scriptTags.set(record.scriptNo, record);
    return record;
  }

  private insertSorted(order: Cafe24OrderRecord): void {
    let index = lowerBound(this.orders, order.orderDate + 1);
    while (
      index > 0 &&
      this.orders[index - 1].orderDate === order.orderDate &&
      this.orders[index - 1].orderId > order.orderId
    )
      index--;
    this.orders.splice(index, 0, order);
    this.ordersById.set(order.orderId, order);
  }

  private emit(eventNo: OrderEventNo, order: Cafe24OrderRecord): void {
    for (const listener of this.listeners) listener(eventNo, order);
  }
}

/** First index whose order date is ≥ `at`. */
function lowerBound(orders: Cafe24OrderRecord[], at: number): number {
  let lo = 0;
  let hi = orders.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (orders[mid].orderDate < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
