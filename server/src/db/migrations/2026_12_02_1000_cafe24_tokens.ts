import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// Cafe24 tokens per mall. Cafe24 rotates the refresh token on every refresh and refuses the old one, so the pair
// is replaced in one compare-and-swap on the refresh token, and only the holder of the refresh lease (claimed by
// compare-and-swap on `version`) calls Cafe24: two instances refreshing at once never both spend the same token.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("cafe24_tokens")
    .addColumn("mall_id", "text", (c) => c.primaryKey())
    .addColumn("access_token", "text", (c) => c.notNull())
    .addColumn("access_token_expires_at", "text", (c) => c.notNull())
    .addColumn("refresh_token", "text", (c) => c.notNull())
    .addColumn("refresh_token_expires_at", "text", (c) => c.notNull())
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("refresh_lease_owner", "text")
    .addColumn("refresh_lease_until", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("cafe24_tokens").execute();
}
