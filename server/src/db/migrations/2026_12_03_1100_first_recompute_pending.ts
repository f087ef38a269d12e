import type { Kysely } from "kysely";

// Written once, never edited: add a new migration instead.
// The first full recompute after a backfill is owed until it completes (issue 11): set in the same write that
// makes the shop "live", cleared only once that recompute has stored every prediction. Recovery (start-up, the
// reconcile job, a backfill-shop job handed back by the queue) runs it again while it is set, so an instance
// killed during it no longer leaves the shop with only the customers order webhooks re-predicted since.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sync_state").addColumn("first_recompute_pending", "integer").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sync_state").dropColumn("first_recompute_pending").execute();
}
