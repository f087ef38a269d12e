// Cafe24's bulk status events (90071-90074) name several orders in one comma-separated order_id. The intake read
// the whole list as one order id (GET /orders/id1%2Cid2), which is no order: at best ignored, at worst a refused
// lookup retried into the dead letters. Such events are now ignored outright: the reconcile re-reads those orders.
import { describe, expect, it } from "vitest";
import type { VerifiedWebhook } from "../../../server/src/platforms/commerce-platform.js";
import { cafe24WebhookEvent, orderIdOfCafe24Webhook } from "../../../server/src/platforms/cafe24/webhook-verifier.js";

const hook = (eventNo: number, orderId: string): VerifiedWebhook => ({
  topic: String(eventNo),
  shopDomain: "bulkmall",
  webhookId: "h",
  eventId: null,
  triggeredAt: null,
  apiVersion: null,
  payload: { event_no: eventNo, resource: { mall_id: "bulkmall", event_shop_no: "1", order_id: orderId } },
});

describe("Cafe24 order events naming several orders", () => {
  it("reads a single-order event's order and ignores a bulk event's list", () => {
    expect(orderIdOfCafe24Webhook(hook(90023, "20261202-0000001"))).toBe("20261202-0000001");
    expect(orderIdOfCafe24Webhook(hook(90072, "20200713-0000039,20200708-0000080"))).toBeNull();
    expect(orderIdOfCafe24Webhook(hook(90071, "20200717-0001242, 20200717-0001251"))).toBeNull();
    expect(cafe24WebhookEvent(hook(90072, "20200713-0000039,20200708-0000080"))).toEqual({ kind: "ignored" });
  });
});
