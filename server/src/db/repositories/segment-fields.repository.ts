// The segment fields last written to each customer's metafields (published_decisions.segment_fields), as JSON text.
import { sql } from "kysely";
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

/** Customers per update: 3 bound parameters each, well under SQLite's and PostgreSQL's limits. */
const MARK_CHUNK = 300;

/**
 * Each customer's own fields, one statement per chunk (a CASE on the customer id): a whole-shop publish of a
 * million customers used to send a million single-row updates.
 */
export async function markSegmentFieldsPublished(
  db: Db,
  shop: string,
  written: Array<{ customerId: string; fields: string }>,
): Promise<void> {
  for (const batch of chunks(written, MARK_CHUNK)) {
    const fields = sql.join(
      batch.map((w) => sql`when ${w.customerId} then ${w.fields}`),
      sql` `,
    );
    await db
      .updateTable("published_decisions")
      .set({ segment_fields: sql<string>`case customer_id ${fields} end` })
      .where("shop_domain", "=", shop)
      .where(
        "customer_id",
        "in",
        batch.map((w) => w.customerId),
      )
      .execute();
  }
}
