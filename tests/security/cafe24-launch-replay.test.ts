// A signed Cafe24 launch link replays for its whole 300 s window (and a mall's owner can get fresh ones at will):
// each replay issued one more install state, kept 24 h, so one link could fill cafe24_oauth_states without bound.
// A mall now holds at most MAX_STATES_PER_MALL states, and the newest one still installs.
import { afterEach, describe, expect, it } from "vitest";
import { findShop } from "../../server/src/db/repositories/shop.repository.js";
import { signCafe24LaunchQuery } from "../../server/src/platforms/cafe24/launch-hmac.js";
import { MAX_STATES_PER_MALL } from "../../server/src/platforms/cafe24/oauth-state.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startCafe24AppHarness, type Cafe24AppHarness } from "../platforms/cafe24/app-harness.js";
import { CAFE24_APP } from "../platforms/cafe24/harness.js";

const MALL = "replaymall";
const OTHER = "quietmall";

describe.each(DB_KINDS)("Cafe24 launch replay (%s)", (kind) => {
  let h: Cafe24AppHarness;
  afterEach(async () => h?.close());

  const launch = (mallId: string) =>
    fetch(
      `${h.base}/cafe24/launch?${signCafe24LaunchQuery(
        { mall_id: mallId, timestamp: String(Math.trunc(h.sim.clock.now() / 1000)), user_type: "P" },
        CAFE24_APP.clientSecret,
      )}`,
      { redirect: "manual" },
    );
  const statesOf = async (mallId: string) =>
    (
      await h.db.db
        .withTables<{ cafe24_oauth_states: { mall_id: string } }>()
        .selectFrom("cafe24_oauth_states")
        .selectAll()
        .where("mall_id", "=", mallId)
        .execute()
    ).length;

  it("keeps at most MAX_STATES_PER_MALL states per mall however often one launch link is replayed", async () => {
    h = await startCafe24AppHarness([MALL, OTHER], kind);
    expect((await launch(OTHER)).status).toBe(302);
    let last: Response | undefined;
    for (let i = 0; i < 3 * MAX_STATES_PER_MALL; i++) last = await launch(MALL);
    expect(await statesOf(MALL)).toBe(MAX_STATES_PER_MALL);
    expect(await statesOf(OTHER)).toBe(1); // another mall's state is untouched
    // The newest state still completes the install.
    const consent = await fetch(last!.headers.get("location")!, { redirect: "manual" });
    const callback = new URL(consent.headers.get("location")!);
    const done = await fetch(`${h.base}/cafe24/oauth/callback${callback.search}`, { redirect: "manual" });
    expect(done.status).toBe(302);
    expect((await findShop(h.db.db, MALL))?.platform).toBe("cafe24");
  }, 60_000);
});
