import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// A full recompute's publish work (issue 11): one row per page of customers, (after_id, through_id] in id order,
// written before the page's predictions and deleted once the page is published, so a crash loses no page.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("publish_pages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("after_id", "text")
    .addColumn("through_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("publish_pages").execute();
}
