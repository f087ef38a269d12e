import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// Webhook deliveries that fail are retried with capped exponential backoff: how many tries failed, and when the
// next one is due (null once processed, refused or given up as a dead letter).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("webhook_events").addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("webhook_events").addColumn("next_attempt_at", "text").execute();
  // Deliveries already waiting are due now.
  await db
    .updateTable("webhook_events")
    .set((eb) => ({ next_attempt_at: eb.ref("received_at") }))
    .where("status", "in", ["received", "failed"])
    .execute();
  await db.schema.createIndex("webhook_events_due").on("webhook_events").columns(["status", "next_attempt_at"]).execute();
  // Order webhooks look up which shop already holds an order id (Shopify's ids are global).
  await db.schema.createIndex("orders_order_id").on("orders").columns(["order_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("orders_order_id").execute();
  await db.schema.dropIndex("webhook_events_due").execute();
  await db.schema.alterTable("webhook_events").dropColumn("next_attempt_at").execute();
  await db.schema.alterTable("webhook_events").dropColumn("attempts").execute();
}
