// The webhook intake's batch reads and writes (webhook-group-commit.ts): what a batch of verified deliveries needs
// checked before storing, in one read, and the new ones stored in one statement.
import { sql } from "kysely";
import type { Db } from "../database.js";
import type { NewWebhookEvent } from "./webhook-event.repository.js";

/** The shops' platforms ("shop" rows) and the shops holding each order id ("order" rows), in one read. */
export function readIntakeOwners(
  db: Db,
  shops: string[],
  orderIds: string[],
): Promise<Array<{ kind: string; key: string; value: string }>> {
  const shopRows = db
    .selectFrom("shops")
    .select([sql<string>`'shop'`.as("kind"), "shop_domain as key", "platform as value"])
    .where("shop_domain", "in", shops);
  if (!orderIds.length) return shopRows.execute();
  return shopRows
    .unionAll(
      db
        .selectFrom("orders")
        .select([sql<string>`'order'`.as("kind"), "order_id as key", "shop_domain as value"])
        .where("order_id", "in", orderIds),
    )
    .execute();
}

/** Inserts the rows whose (shop, webhook id) is not stored yet; returns the keys really inserted. */
export function insertNewWebhookEvents(
  db: Db,
  rows: NewWebhookEvent[],
): Promise<Array<{ shop_domain: string; webhook_id: string }>> {
  return db
    .insertInto("webhook_events")
    .values(rows.map((row) => ({ ...row, attempts: row.attempts ?? 0 })))
    .onConflict((oc) => oc.columns(["shop_domain", "webhook_id"]).doNothing())
    .returning(["shop_domain", "webhook_id"])
    .execute();
}
