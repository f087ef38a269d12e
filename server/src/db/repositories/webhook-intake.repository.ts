// The webhook intake's batch reads and writes (webhook-group-commit.ts): the new deliveries of a batch checked and
// stored in one statement, and, only for those it did not store, one read saying why (refused, or held already).
import { sql } from "kysely";
import type { Db } from "../database.js";
import type { NewWebhookEvent } from "./webhook-event.repository.js";

/** A verified delivery with what its check needs: the intake's platform and the order id its body names. */
export interface IntakeRow {
  row: NewWebhookEvent;
  platform: string;
  orderId: string | null;
}

/**
 * Inserts each delivery whose (shop, webhook id) is not stored yet and whose check passes: its shop is not
 * installed on another platform, and its order id is held by no shop or by its own. Returns the keys inserted.
 * One statement (an owner read before the insert cost every batch of a burst one more round trip).
 */
export function insertCheckedWebhookEvents(
  db: Db,
  rows: IntakeRow[],
): Promise<Array<{ shop_domain: string; webhook_id: string }>> {
  // Unless told otherwise, due from its receipt (as insertWebhookEvent): a NULL due time is never retried.
  const dueAt = (row: NewWebhookEvent) => (row.next_attempt_at === undefined ? row.received_at : row.next_attempt_at);
  const values = sql.join(
    rows.map(
      ({ row, platform, orderId }) =>
        sql`(${row.shop_domain}, ${row.webhook_id}, ${row.topic}, ${row.event_id}, ${row.triggered_at}, ${row.received_at}, ${row.status}, ${row.payload}, ${row.processed_at}, ${row.error}, ${dueAt(row)}, ${platform}, ${orderId})`,
    ),
  );
  // VALUES columns are untyped text on both databases; every column filled here is text (attempts keeps its default).
  return sql<{ shop_domain: string; webhook_id: string }>`
    WITH v(shop_domain, webhook_id, topic, event_id, triggered_at, received_at, status, payload, processed_at, error, next_attempt_at, platform, order_id) AS (VALUES ${values})
    INSERT INTO webhook_events (shop_domain, webhook_id, topic, event_id, triggered_at, received_at, status, payload, processed_at, error, next_attempt_at)
    SELECT shop_domain, webhook_id, topic, event_id, triggered_at, received_at, status, payload, processed_at, error, next_attempt_at
    FROM v
    WHERE NOT EXISTS (SELECT 1 FROM shops s WHERE s.shop_domain = v.shop_domain AND s.platform <> v.platform)
      AND (v.order_id IS NULL
        OR NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = v.order_id)
        OR EXISTS (SELECT 1 FROM orders o WHERE o.order_id = v.order_id AND o.shop_domain = v.shop_domain))
    ON CONFLICT (shop_domain, webhook_id) DO NOTHING
    RETURNING shop_domain, webhook_id`
    .execute(db)
    .then((r) => r.rows);
}

/**
 * For deliveries a batch did not store: the shops' platforms ("shop" rows), the shops holding each order id
 * ("order" rows) and which of the webhook ids are stored, by shop ("stored" rows), in one read.
 */
export function readIntakeOwners(
  db: Db,
  shops: string[],
  orderIds: string[],
  webhookIds: string[],
): Promise<Array<{ kind: string; key: string; value: string }>> {
  let read = db
    .selectFrom("shops")
    .select([sql<string>`'shop'`.as("kind"), "shop_domain as key", "platform as value"])
    .where("shop_domain", "in", shops)
    .unionAll(
      db
        .selectFrom("webhook_events")
        .select([sql<string>`'stored'`.as("kind"), "webhook_id as key", "shop_domain as value"])
        // Both key columns: the primary key's index (a webhook id alone has none).
        .where("shop_domain", "in", shops)
        .where("webhook_id", "in", webhookIds),
    );
  if (orderIds.length)
    read = read.unionAll(
      db
        .selectFrom("orders")
        .select([sql<string>`'order'`.as("kind"), "order_id as key", "shop_domain as value"])
        .where("order_id", "in", orderIds),
    );
  return read.execute();
}
