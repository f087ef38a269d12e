import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// Cafe24 install `state`s: issued at app launch for one mall, spent once by the OAuth callback. Only the state's
// SHA-256 is kept (a leaked row can't be replayed); `used_at` stays set so a second use is told apart from an
// unknown state.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("cafe24_oauth_states")
    .addColumn("state_hash", "text", (c) => c.primaryKey())
    .addColumn("mall_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("cafe24_oauth_states_mall").on("cafe24_oauth_states").column("mall_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("cafe24_oauth_states").execute();
}
