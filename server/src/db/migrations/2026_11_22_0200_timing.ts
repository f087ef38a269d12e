import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("customer_predictions")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("order_count", "integer", (c) => c.notNull())
    .addColumn("first_order_at", "text", (c) => c.notNull())
    .addColumn("last_order_at", "text", (c) => c.notNull())
    .addColumn("cycle_days", "double precision")
    .addColumn("cycle_spread_days", "double precision")
    .addColumn("due_early", "text")
    .addColumn("due_likely", "text")
    .addColumn("due_late", "text")
    .addColumn("churn_risk", "double precision", (c) => c.notNull())
    .addColumn("p_alive", "double precision", (c) => c.notNull())
    .addColumn("p_active", "double precision")
    .addColumn("expected_orders_90d", "double precision", (c) => c.notNull())
    .addColumn("average_order_value", "double precision", (c) => c.notNull())
    .addColumn("clv", "double precision", (c) => c.notNull())
    .addColumn("rfm_recency", "integer", (c) => c.notNull())
    .addColumn("rfm_frequency", "integer", (c) => c.notNull())
    .addColumn("rfm_monetary", "integer", (c) => c.notNull())
    .addColumn("rfm_group", "text", (c) => c.notNull())
    .addColumn("segment_key", "text", (c) => c.notNull())
    .addColumn("lifecycle", "text", (c) => c.notNull())
    .addColumn("purchase_state", "text", (c) => c.notNull())
    .addColumn("visit_state", "text", (c) => c.notNull())
    .addColumn("reason_en", "text", (c) => c.notNull())
    .addColumn("reason_ko", "text", (c) => c.notNull())
    .addColumn("due_products", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("customer_predictions_pk", ["shop_domain", "customer_id"])
    .execute();
  await db.schema.createIndex("customer_predictions_due").on("customer_predictions").columns(["shop_domain", "due_likely"]).execute();
  await db.schema.createIndex("customer_predictions_segment").on("customer_predictions").columns(["shop_domain", "segment_key"]).execute();

  await db.schema
    .createTable("product_cycles")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("product_id", "text", (c) => c.notNull())
    .addColumn("variant_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("cycle_days", "double precision")
    .addColumn("typical_quantity", "double precision", (c) => c.notNull())
    .addColumn("repeat_pairs", "integer", (c) => c.notNull())
    .addColumn("next_order_log_mean", "double precision", (c) => c.notNull())
    .addColumn("next_order_gaps", "integer", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("product_cycles_pk", ["shop_domain", "product_id"])
    .execute();

  await db.schema
    .createTable("model_fits")
    .addColumn("shop_domain", "text", (c) => c.primaryKey())
    .addColumn("fitted_at", "text", (c) => c.notNull())
    .addColumn("customers", "integer", (c) => c.notNull())
    .addColumn("model", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("model_fits").execute();
  await db.schema.dropTable("product_cycles").execute();
  await db.schema.dropTable("customer_predictions").execute();
}
