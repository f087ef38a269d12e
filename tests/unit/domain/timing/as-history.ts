import { DAY_MS } from "../../../../server/src/domain/timing/days.js";
import type { CustomerHistory } from "../../../../server/src/domain/timing/history.js";
import type { PurchaseDay } from "../../../../server/src/domain/timing/purchase-days.js";

/** Purchase days as the order history the database would give (one order an hour into each day). */
export function asHistory(customerId: string, days: PurchaseDay[]): CustomerHistory {
  return {
    customerId,
    purchases: days.map((d) => ({
      at: new Date(d.day * DAY_MS + 3_600_000),
      amount: d.amount,
      lines: [...d.quantities].map(([productId, quantity]) => ({
        productId,
        variantId: d.titles.get(productId)?.variantId ?? null,
        title: d.titles.get(productId)?.title ?? productId,
        quantity,
      })),
    })),
  };
}
