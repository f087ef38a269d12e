import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// Why a product has no replenishment cycle ("not_a_product", "too_few_repeats", …), so the admin can say so.
// The merchant's product overrides themselves live in shops.settings (JSON), which needs no column.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("product_cycles").addColumn("no_cycle_reason", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("product_cycles").dropColumn("no_cycle_reason").execute();
}
