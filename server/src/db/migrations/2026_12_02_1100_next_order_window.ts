import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// The next order within the forecast horizon (issue 12): the horizon in days, and the 10–90 % window with its most
// likely day, or no window when the order is not expected within the horizon. Rows written before this migration
// have a null horizon, which reads as "not computed yet" (the page falls back to the own-rhythm due window).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("customer_predictions").addColumn("next_order_horizon_days", "integer").execute();
  await db.schema.alterTable("customer_predictions").addColumn("next_order_early", "text").execute();
  await db.schema.alterTable("customer_predictions").addColumn("next_order_likely", "text").execute();
  await db.schema.alterTable("customer_predictions").addColumn("next_order_late", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["next_order_late", "next_order_likely", "next_order_early", "next_order_horizon_days"]) {
    await db.schema.alterTable("customer_predictions").dropColumn(column).execute();
  }
}
