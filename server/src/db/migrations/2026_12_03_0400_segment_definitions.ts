import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// The segment fields' customer metafield definitions (issue 14) were first made at install only: shops installed
// before then never got them. One row per shop once they are known to exist, naming the set of definitions
// ensured (keys and types), so a later pass asks Shopify nothing and a changed set is ensured again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("segment_definitions_ensured")
    .addColumn("shop_domain", "text", (c) => c.primaryKey())
    .addColumn("definitions", "text", (c) => c.notNull())
    .addColumn("ensured_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("segment_definitions_ensured").execute();
}
