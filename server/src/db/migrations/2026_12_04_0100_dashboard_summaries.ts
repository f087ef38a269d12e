import { type Kysely, sql } from "kysely";

// Written once, never edited: add a new migration instead.
// The dashboard's figures per shop (issue 11): aggregated over the shop's orders and predictions in pages when they
// change, so GET /api/dashboard reads one row instead of grouping every order (1.5-2 s at 200,000 orders). The
// stamps are what the figures were computed from: max(orders.updated_at) and max(customer_predictions.computed_at).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("dashboard_summaries")
    .addColumn("shop_domain", "text", (c) => c.primaryKey())
    .addColumn("figures", "text", (c) => c.notNull())
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("orders_stamp", "text")
    .addColumn("predictions_stamp", "text")
    .addColumn("refresh_ms", "integer", (c) => c.notNull())
    .addColumn("refreshed_at", "text", (c) => c.notNull())
    .execute();
  // The predictions' stamp is one index probe, and "due this week" (window opening within 7 days) a range of it.
  await db.schema
    .createIndex("customer_predictions_computed")
    .on("customer_predictions")
    .columns(["shop_domain", "computed_at"])
    .execute();
  await db.schema
    .createIndex("customer_predictions_due_early")
    .on("customer_predictions")
    .columns(["shop_domain", "due_early"])
    .execute();
  // The sync status counts excluded orders and refused decisions on every check: partial indexes hold only those
  // rows (counting excluded_reason read every order of the shop: 0.7 s of CPU at 200,000 orders).
  await db.schema
    .createIndex("orders_excluded")
    .on("orders")
    .column("shop_domain")
    .where(sql.ref("excluded_reason"), "is not", null)
    .execute();
  await db.schema
    .createIndex("published_decisions_errors")
    .on("published_decisions")
    .column("shop_domain")
    .where(sql.ref("publish_error"), "is not", null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("published_decisions_errors").execute();
  await db.schema.dropIndex("orders_excluded").execute();
  await db.schema.dropIndex("customer_predictions_due_early").execute();
  await db.schema.dropIndex("customer_predictions_computed").execute();
  await db.schema.dropTable("dashboard_summaries").execute();
}
