// Webhook bodies in Cafe24's store-event shape: {event_no, resource: {mall_id, event_shop_no, ...}}.
import { type Cafe24Mall, EVENT_MEMBER_DELETED, type OrderEventNo } from "./mall.js";
import { orderPaid, type Cafe24OrderRecord } from "./records.js";
import { kstIso } from "./kst.js";
import { money } from "./http.js";

export function orderWebhookBody(mall: Cafe24Mall, eventNo: OrderEventNo, order: Cafe24OrderRecord) {
  return {
    event_no: eventNo,
    resource: {
      mall_id: mall.mallId,
      event_shop_no: String(mall.shopNo),
      order_id: order.orderId,
      member_id: order.memberId ?? "",
      order_date: kstIso(order.orderDate),
      payment_amount: money(orderPaid(order)),
      canceled: order.cancelDate === null ? "F" : "T",
      cancel_date: order.cancelDate === null ? null : kstIso(order.cancelDate),
      ordering_product_code: order.items.map((i) => i.productCode).join(","),
    },
  };
}

/** 90147: the members named in one comma-separated member_id (Cafe24 batches a bulk deletion into one event). */
export function memberDeletedWebhookBody(mall: Cafe24Mall, memberIds: string[]) {
  return {
    event_no: EVENT_MEMBER_DELETED,
    resource: { mall_id: mall.mallId, event_shop_no: String(mall.shopNo), member_id: memberIds.join(",") },
  };
}
