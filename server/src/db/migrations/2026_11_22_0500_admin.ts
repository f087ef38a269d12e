import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("segment_snapshots")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("snapshot_date", "text", (c) => c.notNull())
    .addColumn("segment_key", "text", (c) => c.notNull())
    .addColumn("customers", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("segment_snapshots_pk", ["shop_domain", "snapshot_date", "segment_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("segment_snapshots").execute();
}
