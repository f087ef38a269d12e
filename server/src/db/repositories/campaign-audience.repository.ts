// Reads of core tables (customers, orders) shaped for the campaign engine.
import type { Db } from "../database.js";
import type { OrderFact } from "../../domain/campaigns/attribution.js";
import { chunks } from "./order.repository.js";

export async function listFirstNames(db: Db, shop: string, customerIds: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const ids of chunks(customerIds, 500)) {
    const rows = await db
      .selectFrom("customers")
      .select(["customer_id", "first_name"])
      .where("shop_domain", "=", shop)
      .where("customer_id", "in", ids)
      .execute();
    for (const r of rows) out.set(r.customer_id, r.first_name);
  }
  return out;
}

/** Orders that count (not cancelled, test or refunded) of these customers since `since`. */
export async function listCountedOrders(
  db: Db,
  shop: string,
  customerIds: string[],
  since: Date,
): Promise<OrderFact[]> {
  const out: OrderFact[] = [];
  for (const ids of chunks(customerIds, 500)) {
    const rows = await db
      .selectFrom("orders")
      .select(["order_id", "customer_id", "processed_at", "discount_codes"])
      .where("shop_domain", "=", shop)
      .where("customer_id", "in", ids)
      .where("excluded_reason", "is", null)
      .where("processed_at", ">", since.toISOString())
      .execute();
    for (const r of rows) {
      out.push({
        orderId: r.order_id,
        customerId: r.customer_id!,
        processedAt: new Date(r.processed_at),
        discountCodes: JSON.parse(r.discount_codes),
      });
    }
  }
  return out;
}

/** Customers of the shop with at least one counted order (the audience for a shop-wide publish). */
export async function listOrderingCustomerIds(db: Db, shop: string): Promise<string[]> {
  const rows = await db
    .selectFrom("orders")
    .select("customer_id")
    .distinct()
    .where("shop_domain", "=", shop)
    .where("customer_id", "is not", null)
    .execute();
  return rows.map((r) => r.customer_id!).sort();
}
