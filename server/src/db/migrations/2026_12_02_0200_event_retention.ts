import { sql, type Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// Storefront beacons carry the page view that sent them, and one beacon per shopper, kind, campaign and page view
// is stored (a replay is a no-op). Old beacons are folded into daily counts and each shopper's last visit, then deleted.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("campaign_events").addColumn("page_view_id", "text").execute();
  // coalesce: visits have no campaign, and NULLs never collide in a unique index (SQLite or PostgreSQL).
  await sql`create unique index campaign_events_page_view on campaign_events
    (shop_domain, customer_id, kind, coalesce(campaign_key, ''), page_view_id) where page_view_id is not null`.execute(db);
  // The retention job walks one kind's oldest rows.
  await db.schema.createIndex("campaign_events_kind_time").on("campaign_events").columns(["kind", "occurred_at"]).execute();

  await db.schema
    .createTable("campaign_event_daily")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("campaign_key", "text", (c) => c.notNull()) // "" for events without a campaign (visits)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull()) // UTC YYYY-MM-DD
    .addColumn("events", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("campaign_event_daily_pk", ["shop_domain", "campaign_key", "kind", "day"])
    .execute();

  await db.schema
    .createTable("customer_last_visits")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("last_visit_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("customer_last_visits_pk", ["shop_domain", "customer_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("customer_last_visits").execute();
  await db.schema.dropTable("campaign_event_daily").execute();
  await db.schema.dropIndex("campaign_events_kind_time").execute();
  await db.schema.dropIndex("campaign_events_page_view").execute();
  await db.schema.alterTable("campaign_events").dropColumn("page_view_id").execute();
}
