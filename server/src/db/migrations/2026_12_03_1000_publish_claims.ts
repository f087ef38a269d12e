import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// Per-customer publish claims (issue 11): a publisher holds a customer's row from reading what was last written to
// recording its platform write, so two instances (or a full publish and an order's republish) never both send the
// same change. A claim lapses at expires_at, so one left by a killed instance is taken over by the next publish.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("publish_claims")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("token", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("publish_claims_pk", ["shop_domain", "customer_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("publish_claims").execute();
}
