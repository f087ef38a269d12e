// Cafe24 install states. Spending one is a single conditional UPDATE, so two callbacks racing with the same state
// can't both pass.
import type { Db } from "../database.js";
import type { Cafe24OAuthStatesTable, Cafe24Tables } from "../tables/cafe24.tables.js";

const tables = (db: Db) => db.withTables<Cafe24Tables>();

export async function insertCafe24OAuthState(db: Db, row: Omit<Cafe24OAuthStatesTable, "used_at">): Promise<void> {
  await tables(db)
    .insertInto("cafe24_oauth_states")
    .values({ ...row, used_at: null })
    .execute();
}

export async function findCafe24OAuthState(db: Db, stateHash: string): Promise<Cafe24OAuthStatesTable | undefined> {
  return tables(db)
    .selectFrom("cafe24_oauth_states")
    .selectAll()
    .where("state_hash", "=", stateHash)
    .executeTakeFirst();
}

/** Marks the state used; false when another request already has. */
export async function spendCafe24OAuthState(db: Db, stateHash: string, now: Date): Promise<boolean> {
  const result = await tables(db)
    .updateTable("cafe24_oauth_states")
    .set({ used_at: now.toISOString() })
    .where("state_hash", "=", stateHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** States that expired before `before` (kept until then so a late reuse is still named as such). */
export async function deleteExpiredCafe24OAuthStates(db: Db, before: Date): Promise<void> {
  await tables(db).deleteFrom("cafe24_oauth_states").where("expires_at", "<", before.toISOString()).execute();
}

/** Keeps only the mall's `keep` newest states (live, spent or expired): a replayed launch can't grow the table. */
export async function keepNewestCafe24OAuthStates(db: Db, mallId: string, keep: number): Promise<void> {
  const surplus = await tables(db)
    .selectFrom("cafe24_oauth_states")
    .select("state_hash")
    .where("mall_id", "=", mallId)
    .orderBy("created_at", "desc")
    .orderBy("state_hash")
    .limit(1_000)
    .offset(keep)
    .execute();
  if (!surplus.length) return;
  await tables(db)
    .deleteFrom("cafe24_oauth_states")
    .where(
      "state_hash",
      "in",
      surplus.map((r) => r.state_hash),
    )
    .execute();
}

export async function deleteMallCafe24OAuthStates(db: Db, mallId: string): Promise<void> {
  await tables(db).deleteFrom("cafe24_oauth_states").where("mall_id", "=", mallId).execute();
}
