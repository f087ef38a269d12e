// A synced order as the order repository takes it: counted (not cancelled, not a test), 30 in USD, no lines.
// Tests change only what they are about (a discount code, the time).
import type { upsertOrders } from "../../server/src/db/repositories/order.repository.js";

type OrderInput = Parameters<typeof upsertOrders>[2][number];

export function syncedOrder(id: string, customerId: string, processedAt: Date, extra: Partial<OrderInput> = {}) {
  return {
    id,
    customerId,
    processedAt,
    updatedAt: processedAt,
    cancelledAt: null,
    test: false,
    totalPrice: 30,
    refundedTotal: 0,
    currency: "USD",
    discountCodes: [],
    lines: [],
    ...extra,
  } satisfies OrderInput;
}
