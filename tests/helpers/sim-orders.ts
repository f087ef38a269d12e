// An order with no lines, discounts or refunds for the store simulator to hold, so the app's ownership check
// (order(id:) in that shop) confirms a webhook delivery naming it.
import type { OrderRecord } from "../../server/src/simulator/records.js";

export function bareOrderRecord(id: number, customerId: number, at: number, updatedAt = at): OrderRecord {
  return {
    id,
    name: `#${id}`,
    customerId,
    createdAt: at,
    processedAt: at,
    updatedAt,
    cancelledAt: null,
    cancelReason: null,
    test: false,
    currency: "GBP",
    sourceName: "web",
    lines: [],
    discountCodes: [],
    discountAmount: 0,
    refunds: [],
  };
}
