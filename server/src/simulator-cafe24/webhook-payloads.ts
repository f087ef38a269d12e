// Webhook bodies in Cafe24's order-event shape: {event_no, resource: {mall_id, event_shop_no, order_id, ...}}.
import type { Cafe24Mall, OrderEventNo } from "./mall.js";
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
