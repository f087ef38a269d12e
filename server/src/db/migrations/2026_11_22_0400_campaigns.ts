import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("campaigns")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("campaign_key", "text", (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("priority", "integer", (c) => c.notNull())
    .addColumn("holdout_share", "double precision", (c) => c.notNull())
    .addColumn("cap", "text", (c) => c.notNull())
    .addColumn("segment", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("settings", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("campaigns_pk", ["shop_domain", "campaign_key"])
    .execute();

  await db.schema
    .createTable("coupons")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("campaign_key", "text", (c) => c.notNull())
    .addColumn("occasion", "text", (c) => c.notNull())
    .addColumn("percent_off", "double precision", (c) => c.notNull())
    .addColumn("discount_id", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addPrimaryKeyConstraint("coupons_pk", ["shop_domain", "code"])
    .execute();
  await db.schema
    .createIndex("coupons_one_per_occasion")
    .on("coupons")
    .columns(["shop_domain", "customer_id", "campaign_key", "occasion"])
    .unique()
    .execute();

  await db.schema
    .createTable("campaign_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("customer_id", "text")
    .addColumn("campaign_key", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("holdout", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("order_id", "text")
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("campaign_events_customer").on("campaign_events").columns(["shop_domain", "customer_id", "occurred_at"]).execute();
  await db.schema.createIndex("campaign_events_campaign").on("campaign_events").columns(["shop_domain", "campaign_key", "kind"]).execute();

  await db.schema
    .createTable("published_decisions")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("verdicts", "text", (c) => c.notNull())
    .addColumn("assignments", "text", (c) => c.notNull())
    .addColumn("decided_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addPrimaryKeyConstraint("published_decisions_pk", ["shop_domain", "customer_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["published_decisions", "campaign_events", "coupons", "campaigns"]) {
    await db.schema.dropTable(table).execute();
  }
}
