// GET /api/v2/admin/orders, /orders/count and /orders/{order_id}. The limits Cafe24 documents are enforced:
// start_date and end_date together, at most 3 months apart; limit 1..1000; offset at most 15,000. Orders come
// in order-date order (then order id), so an offset walk over a past window is stable.
import type { Cafe24Mall } from "./mall.js";
import { orderPaid, orderSubtotal, type Cafe24OrderRecord } from "./records.js";
import { addKstMonths, kstIso, parseCafe24Date } from "./kst.js";
import { Cafe24HttpError, intParam, money } from "./http.js";

export const ORDERS_MAX_LIMIT = 1000;
export const ORDERS_MAX_OFFSET = 15_000;
export const ORDERS_MAX_MONTHS = 3;

const DATE_TYPES: Record<string, (o: Cafe24OrderRecord) => number | null> = {
  pay_date: (o) => o.paymentDate,
  cancel_date: (o) => o.cancelDate,
};

export function listOrders(mall: Cafe24Mall, query: URLSearchParams) {
  const limit = intParam(query, "limit", 10, 1, ORDERS_MAX_LIMIT);
  const offset = intParam(query, "offset", 0, 0, ORDERS_MAX_OFFSET);
  const embed = new Set((query.get("embed") ?? "").split(",").filter(Boolean));
  const orders = matchingOrders(mall, query).slice(offset, offset + limit);
  return { orders: orders.map((o) => orderJson(mall, o, embed.has("items"))) };
}

export function countOrders(mall: Cafe24Mall, query: URLSearchParams) {
  return { count: matchingOrders(mall, query).length };
}

export function getOrder(mall: Cafe24Mall, orderId: string, query: URLSearchParams) {
  const order = mall.ordersById.get(orderId);
  if (!order) throw new Cafe24HttpError(404, "No API found or the resource does not exist.");
  return { order: orderJson(mall, order, (query.get("embed") ?? "").split(",").includes("items")) };
}

function matchingOrders(mall: Cafe24Mall, query: URLSearchParams): Cafe24OrderRecord[] {
  const { from, to } = searchPeriod(query);
  const dateType = query.get("date_type") ?? "order_date";
  let orders: Cafe24OrderRecord[];
  if (dateType === "order_date") orders = mall.ordersPlacedBetween(from, to);
  else if (DATE_TYPES[dateType]) orders = mall.ordersWhere(from, to, DATE_TYPES[dateType]);
  else throw new Cafe24HttpError(422, "date_type is not supported by the simulator. (date_type)");
  const memberIds = query.get("member_id")?.split(",");
  const orderIds = query.get("order_id")?.split(",");
  if (memberIds) orders = orders.filter((o) => o.memberId !== null && memberIds.includes(o.memberId));
  if (orderIds) orders = orders.filter((o) => orderIds.includes(o.orderId));
  return orders;
}

function searchPeriod(query: URLSearchParams): { from: number; to: number } {
  const start = query.get("start_date");
  const end = query.get("end_date");
  if (!start || !end) throw new Cafe24HttpError(422, "start_date and end_date are required. (start_date, end_date)");
  const from = parseCafe24Date(start, "start");
  const to = parseCafe24Date(end, "end");
  if (from === null) throw new Cafe24HttpError(422, "start_date is not a valid date. (start_date)");
  if (to === null) throw new Cafe24HttpError(422, "end_date is not a valid date. (end_date)");
  if (to < from) throw new Cafe24HttpError(422, "end_date must be on or after start_date. (end_date)");
  if (to >= addKstMonths(from, ORDERS_MAX_MONTHS))
    throw new Cafe24HttpError(422, "The search period cannot exceed 3 months. (start_date, end_date)");
  return { from, to };
}

function orderJson(mall: Cafe24Mall, o: Cafe24OrderRecord, withItems: boolean) {
  const subtotal = orderSubtotal(o);
  const paid = orderPaid(o);
  const cancelled = o.cancelDate !== null;
  const amounts = (payment: number) => ({
    order_price_amount: money(subtotal),
    shipping_fee: money(0),
    coupon_discount_price: money(o.couponDiscount),
    payment_amount: money(payment),
  });
  const member = o.memberId === null ? undefined : mall.customers.get(o.memberId);
  return {
    shop_no: mall.shopNo,
    currency: "KRW",
    order_id: o.orderId,
    member_id: o.memberId ?? "",
    member_email: member?.email ?? "",
    paid: "T",
    canceled: cancelled ? "T" : o.refunded > 0 ? "M" : "F",
    order_date: kstIso(o.orderDate),
    payment_date: kstIso(o.paymentDate),
    cancel_date: o.cancelDate === null ? null : kstIso(o.cancelDate),
    initial_order_amount: amounts(paid),
    actual_order_amount: amounts(Math.max(0, paid - o.refunded)),
    payment_amount: money(paid),
    order_place_id: "cafe24",
    ...(withItems ? { items: o.items.map((item) => itemJson(mall, o, item, cancelled)) } : {}),
  };
}

function itemJson(
  mall: Cafe24Mall,
  o: Cafe24OrderRecord,
  item: Cafe24OrderRecord["items"][number],
  cancelled: boolean,
) {
  return {
    shop_no: mall.shopNo,
    item_no: item.itemNo,
    order_item_code: `${o.orderId}-${String(item.itemNo).padStart(2, "0")}`,
    variant_code: item.variantCode,
    product_no: item.productNo,
    product_code: item.productCode,
    product_name: item.productName,
    quantity: item.quantity,
    product_price: money(item.price),
    option_price: money(0),
    order_status: cancelled ? "C40" : "N40",
    cancel_date: cancelled ? kstIso(o.cancelDate!) : null,
    refund_date: o.refundDate === null ? null : kstIso(o.refundDate),
  };
}
