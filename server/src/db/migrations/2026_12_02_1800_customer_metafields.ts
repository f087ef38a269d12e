import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// The segment fields (segment, due date, coupon expiry; JSON) last written to each customer's metafields, so a
// publish rewrites a customer whose fields changed even when the banner did not, and no one else (issue 14).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("published_decisions").addColumn("segment_fields", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("published_decisions").dropColumn("segment_fields").execute();
}
