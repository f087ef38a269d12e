import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// One row per customer and campaign: the first arm the customer was decided into ("holdout", "a", "b", …; kept
// for intent to treat), the latest arm, and the first and latest decision that assigned them. The 14-day
// attribution window runs from these (domain/experiments/attribution-window.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("experiment_assignments")
    .addColumn("shop_domain", "text", (c) => c.notNull())
    .addColumn("campaign_key", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("arm", "text", (c) => c.notNull())
    .addColumn("last_arm", "text", (c) => c.notNull())
    .addColumn("first_at", "text", (c) => c.notNull())
    .addColumn("last_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("experiment_assignments_pk", ["shop_domain", "campaign_key", "customer_id"])
    .execute();
  await db.schema
    .createIndex("experiment_assignments_customer")
    .on("experiment_assignments")
    .columns(["shop_domain", "customer_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("experiment_assignments").execute();
}
