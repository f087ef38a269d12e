// The segment fields last written to each customer's metafields (published_decisions.segment_fields), as JSON text.
import type { Db } from "../database.js";
import { chunks } from "./order.repository.js";

export async function listPublishedSegmentFields(
  db: Db,
  shop: string,
  customerIds: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const ids of chunks(customerIds, 500)) {
    const rows = await db
      .selectFrom("published_decisions")
      .select(["customer_id", "segment_fields"])
      .where("shop_domain", "=", shop)
      .where("customer_id", "in", ids)
      .execute();
    for (const r of rows) if (r.segment_fields) out.set(r.customer_id, r.segment_fields);
  }
  return out;
}

/** One update per customer: each has its own fields (a page is at most a few hundred customers). */
export async function markSegmentFieldsPublished(
  db: Db,
  shop: string,
  written: Array<{ customerId: string; fields: string }>,
): Promise<void> {
  for (const w of written) {
    await db
      .updateTable("published_decisions")
      .set({ segment_fields: w.fields })
      .where("shop_domain", "=", shop)
      .where("customer_id", "=", w.customerId)
      .execute();
  }
}
