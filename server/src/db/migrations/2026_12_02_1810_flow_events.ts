import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// Flow events (issue 14): one row per occasion sent, so a trigger fires once however many recomputes or instances
// see it. The insert is the claim: the primary key lets only one instance send an occasion; a failed send deletes
// its row so the next recompute tries again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("flow_events")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("occasion_key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("flow_events_pk", ["shop_domain", "occasion_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("flow_events").execute();
}
