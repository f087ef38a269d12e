// Cafe24 token pairs per mall. Every write that could race is one conditional UPDATE, so two instances never
// overwrite each other's pair: a refresh first claims a lease (CAS on `version`), then swaps the pair in (CAS on
// the refresh token it spent).
import { PostgresAdapter, type RawBuilder, sql } from "kysely";
import type { Db } from "../database.js";
import type { Cafe24Tables, Cafe24TokensTable } from "../tables/cafe24.tables.js";

export type Cafe24TokenRow = Cafe24TokensTable;
export type Cafe24TokenPair = Pick<
  Cafe24TokensTable,
  "access_token" | "access_token_expires_at" | "refresh_token" | "refresh_token_expires_at" | "scopes"
>;

// The table is the Cafe24 module's own; typed here so the shared Database interface needn't know it.
const tables = (db: Db) => db.withTables<Cafe24Tables>();

export async function findCafe24Tokens(db: Db, mallId: string): Promise<Cafe24TokenRow | undefined> {
  return tables(db).selectFrom("cafe24_tokens").selectAll().where("mall_id", "=", mallId).executeTakeFirst();
}

/** After an install (code exchange): the new pair replaces whatever was stored and any lease is dropped. */
export async function saveInstalledCafe24Tokens(db: Db, mallId: string, pair: Cafe24TokenPair, now: Date) {
  const updated_at = now.toISOString();
  await tables(db)
    .insertInto("cafe24_tokens")
    .values({ mall_id: mallId, ...pair, version: 1, refresh_lease_owner: null, refresh_lease_until: null, updated_at })
    .onConflict((oc) =>
      oc.column("mall_id").doUpdateSet((eb) => ({
        ...pair,
        version: eb("cafe24_tokens.version", "+", 1),
        refresh_lease_owner: null,
        refresh_lease_until: null,
        updated_at,
      })),
    )
    .execute();
}

/**
 * The database's clock plus `offsetMs`, as ISO-8601 UTC text with milliseconds (toISOString's form, so stored values
 * compare as text). Leases are timed by this one clock: with each instance's own, one running a lease length ahead
 * saw a live lease as expired and spent the same refresh token.
 */
function databaseClockIso(db: Db, offsetMs: number): RawBuilder<string> {
  const seconds = offsetMs / 1000;
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    return sql<string>`to_char((clock_timestamp() at time zone 'UTC') + make_interval(secs => ${seconds}::double precision), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`${seconds >= 0 ? "+" : ""}${seconds} seconds`})`;
}

/**
 * Claims the right to spend the stored refresh token for `leaseMs` of the database's clock; false when another
 * holder's lease is live or the row moved on.
 */
export async function claimCafe24RefreshLease(
  db: Db,
  mallId: string,
  version: number,
  owner: string,
  leaseMs: number,
): Promise<boolean> {
  const result = await tables(db)
    .updateTable("cafe24_tokens")
    .set({ refresh_lease_owner: owner, refresh_lease_until: databaseClockIso(db, leaseMs) })
    .where("mall_id", "=", mallId)
    .where("version", "=", version)
    .where((eb) =>
      eb.or([eb("refresh_lease_until", "is", null), eb("refresh_lease_until", "<", databaseClockIso(db, 0))]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores the rotated pair only if the row still holds the refresh token that was spent. */
export async function swapCafe24Tokens(
  db: Db,
  mallId: string,
  spentRefreshToken: string,
  pair: Cafe24TokenPair,
  now: Date,
): Promise<boolean> {
  const result = await tables(db)
    .updateTable("cafe24_tokens")
    .set((eb) => ({
      ...pair,
      version: eb("version", "+", 1),
      refresh_lease_owner: null,
      refresh_lease_until: null,
      updated_at: now.toISOString(),
    }))
    .where("mall_id", "=", mallId)
    .where("refresh_token", "=", spentRefreshToken)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Cafe24 refused the refresh token: the pair is dead (only a new consent helps), unless it was replaced meanwhile. */
export async function expireCafe24RefreshToken(db: Db, mallId: string, refusedRefreshToken: string, now: Date) {
  await tables(db)
    .updateTable("cafe24_tokens")
    .set({
      access_token_expires_at: now.toISOString(),
      refresh_token_expires_at: now.toISOString(),
      refresh_lease_owner: null,
      refresh_lease_until: null,
    })
    .where("mall_id", "=", mallId)
    .where("refresh_token", "=", refusedRefreshToken)
    .execute();
}

export async function releaseCafe24RefreshLease(db: Db, mallId: string, owner: string): Promise<void> {
  await tables(db)
    .updateTable("cafe24_tokens")
    .set({ refresh_lease_owner: null, refresh_lease_until: null })
    .where("mall_id", "=", mallId)
    .where("refresh_lease_owner", "=", owner)
    .execute();
}

export async function deleteCafe24Tokens(db: Db, mallId: string): Promise<void> {
  await tables(db).deleteFrom("cafe24_tokens").where("mall_id", "=", mallId).execute();
}
