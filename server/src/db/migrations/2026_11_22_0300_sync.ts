import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sync_state")
    .addColumn("shop_domain", "text", (c) => c.primaryKey())
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("method", "text")
    .addColumn("bulk_operation_id", "text")
    .addColumn("cursor", "text")
    .addColumn("customers_cursor", "text")
    .addColumn("orders_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("orders_total", "integer")
    .addColumn("customers_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("watermark", "text")
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .addColumn("last_webhook_at", "text")
    .addColumn("last_reconciled_at", "text")
    .addColumn("error", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("webhook_events")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("webhook_id", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("event_id", "text")
    .addColumn("triggered_at", "text")
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("payload", "text")
    .addColumn("processed_at", "text")
    .addColumn("error", "text")
    .addPrimaryKeyConstraint("webhook_events_pk", ["shop_domain", "webhook_id"])
    .execute();
  await db.schema.createIndex("webhook_events_status").on("webhook_events").columns(["status", "received_at"]).execute();

  await db.schema
    .createTable("privacy_requests")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("webhook_id", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("customer_id", "text")
    .addColumn("orders_requested", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("completed_at", "text")
    .addPrimaryKeyConstraint("privacy_requests_pk", ["shop_domain", "webhook_id"])
    .execute();

  // The reconcile job and webhook ordering compare updated_at per shop.
  await db.schema.createIndex("orders_updated").on("orders").columns(["shop_domain", "updated_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("orders_updated").execute();
  for (const table of ["privacy_requests", "webhook_events", "sync_state"]) await db.schema.dropTable(table).execute();
}
