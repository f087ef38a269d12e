import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// Web pixel intake (extensions/dangol-pixel). Pixel requests are unsigned, so nothing personal is stored from them:
// pixel_visits counts page views per Shopify client id (a browser, not a person) and UTC day; pixel_checkouts keeps
// which client id reported a checkout_completed for which order id. A client id reaches a customer only through
// our own synced orders (same shop), joined when read, never through an id the browser names.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("pixel_visits")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("page_views", "integer", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("pixel_visits_pk", ["shop_domain", "client_id", "day"])
    .execute();
  await db.schema
    .createTable("pixel_checkouts")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("order_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("pixel_checkouts_pk", ["shop_domain", "order_id"])
    .execute();
  await db.schema
    .createIndex("pixel_checkouts_client")
    .on("pixel_checkouts")
    .columns(["shop_domain", "client_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("pixel_checkouts").execute();
  await db.schema.dropTable("pixel_visits").execute();
}
