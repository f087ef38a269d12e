import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// Why a customer's decision metafield was refused (e.g. Shopify no longer knows the customer), so a whole-shop
// republish stops resending it and the merchant can see it; cleared once a write for that customer succeeds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("published_decisions").addColumn("publish_error", "text").execute();
  await db.schema.alterTable("published_decisions").addColumn("publish_error_message", "text").execute();
  await db.schema.alterTable("published_decisions").addColumn("publish_failed_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ["publish_failed_at", "publish_error_message", "publish_error"]) {
    await db.schema.alterTable("published_decisions").dropColumn(column).execute();
  }
}
