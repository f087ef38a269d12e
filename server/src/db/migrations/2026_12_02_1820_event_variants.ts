import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// The A/B/n variant a storefront beacon's banner showed (issue 14), checked against the signed customer's assignment
// before it is stored; null for engine facts, beacons of campaigns without variants and beacons from before.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("campaign_events").addColumn("variant", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("campaign_events").dropColumn("variant").execute();
}
