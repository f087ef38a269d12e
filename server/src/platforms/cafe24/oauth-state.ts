// The OAuth `state` of a Cafe24 install: 32 random bytes issued at app launch for one mall, stored as its hash,
// spent once by the callback within STATE_TTL_MS. The callback learns the mall from the state alone (Cafe24's
// redirect carries only `code` and `state`), so a state also decides which mall's token endpoint gets the code.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/database.js";
import {
  deleteExpiredCafe24OAuthStates,
  findCafe24OAuthState,
  insertCafe24OAuthState,
  keepNewestCafe24OAuthStates,
  spendCafe24OAuthState,
} from "../../db/repositories/cafe24-oauth-state.repository.js";

/** Time from launch to callback: the merchant may read the consent screen (the code itself lives 1 minute). */
export const STATE_TTL_MS = 10 * 60_000;
/** Spent and expired states are kept this long so a late reuse is still told apart from a made-up state. */
const KEEP_MS = 24 * 3_600_000;
/**
 * States one mall holds at most. A signed launch link replays for its whole window (and a mall's owner can get
 * new ones at will), each replay issuing a state; past this the mall's oldest states are dropped.
 */
export const MAX_STATES_PER_MALL = 10;
const STATE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (state: string) => createHash("sha256").update(state).digest("hex");

export type StateRefusal = "malformed" | "unknown" | "other_mall" | "used" | "expired";

export const STATE_REFUSAL_MESSAGES: Record<StateRefusal, string> = {
  malformed: "The install link's state is missing or malformed: open the app again from the Cafe24 admin.",
  unknown: "Unknown install state: open the app again from the Cafe24 admin.",
  other_mall: "This install state was issued for another mall.",
  used: "This install state was already used: open the app again from the Cafe24 admin.",
  expired: "This install state has expired: open the app again from the Cafe24 admin.",
};

export async function issueCafe24State(db: Db, mallId: string, now: Date): Promise<string> {
  const state = randomBytes(32).toString("base64url");
  await deleteExpiredCafe24OAuthStates(db, new Date(now.getTime() - KEEP_MS));
  await keepNewestCafe24OAuthStates(db, mallId, MAX_STATES_PER_MALL - 1);
  await insertCafe24OAuthState(db, {
    state_hash: hashOf(state),
    mall_id: mallId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + STATE_TTL_MS).toISOString(),
  });
  return state;
}

/**
 * Spends the state: its mall, or why not. `expectedMall` is checked when the callback names a mall. A refused
 * state is left as it was, except that a live one is spent by its first use whatever follows.
 */
export async function spendCafe24State(
  db: Db,
  state: string,
  now: Date,
  expectedMall?: string,
): Promise<{ mallId: string } | { refused: StateRefusal }> {
  if (!STATE_PATTERN.test(state)) return { refused: "malformed" };
  const hash = hashOf(state);
  const row = await findCafe24OAuthState(db, hash);
  if (!row) return { refused: "unknown" };
  if (expectedMall !== undefined && expectedMall !== row.mall_id) return { refused: "other_mall" };
  if (row.used_at) return { refused: "used" };
  if (Date.parse(row.expires_at) <= now.getTime()) return { refused: "expired" };
  if (!(await spendCafe24OAuthState(db, hash, now))) return { refused: "used" };
  return { mallId: row.mall_id };
}
