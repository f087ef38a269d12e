import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// The calibrated chance of at least one order in the next 90 days (what the backtest's AUC measures).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("customer_predictions").addColumn("p_order_90d", "double precision").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("customer_predictions").dropColumn("p_order_90d").execute();
}
