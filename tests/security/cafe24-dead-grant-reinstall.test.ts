// A mall whose refresh token is dead (expired after two idle weeks, or spent by a refresh whose new pair was lost
// to a crash) can only be saved by a new consent, and every error says "open the app again". But opening the app
// found the stored row and sent the merchant to the admin, and the callback skipped the code exchange: the mall
// stayed broken for good. A dead grant now counts as not installed: launch asks Cafe24 again, the callback stores
// the new pair.
import { afterEach, describe, expect, it } from "vitest";
import { findCafe24Tokens } from "../../server/src/db/repositories/cafe24-token.repository.js";
import { signCafe24LaunchQuery } from "../../server/src/platforms/cafe24/launch-hmac.js";
import { Cafe24OAuthClient } from "../../server/src/platforms/cafe24/oauth-client.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startCafe24AppHarness, type Cafe24AppHarness } from "../platforms/cafe24/app-harness.js";
import { CAFE24_APP } from "../platforms/cafe24/harness.js";

const MALL = "deadgrantmall";

describe.each(DB_KINDS)("Cafe24 reinstall over a dead grant (%s)", (kind) => {
  let h: Cafe24AppHarness;
  afterEach(async () => h?.close());

  const launch = () =>
    fetch(
      `${h.base}/cafe24/launch?${signCafe24LaunchQuery(
        { mall_id: MALL, timestamp: String(Math.trunc(h.sim.clock.now() / 1000)), user_type: "P" },
        CAFE24_APP.clientSecret,
      )}`,
      { redirect: "manual" },
    );
  /** Launch, consent, callback: where the merchant lands. */
  async function openApp(): Promise<string> {
    const first = await launch();
    const location = first.headers.get("location")!;
    if (location.startsWith("/")) return location.split("#")[0]; // straight to the admin (#cafe24_token=…)
    const consent = await fetch(location, { redirect: "manual" });
    const callback = new URL(consent.headers.get("location")!);
    const done = await fetch(`${h.base}/cafe24/oauth/callback${callback.search}`, { redirect: "manual" });
    expect(done.status).toBe(302);
    return `consent then ${done.headers.get("location")?.split("#")[0]}`; // with its token (callback-admin-token.test.ts)
  }
  const tokens = () => h.db.db.withTables<{ cafe24_tokens: { mall_id: string; refresh_token_expires_at: string } }>();

  it("asks for consent again when the stored refresh token has expired, and stores the new pair", async () => {
    h = await startCafe24AppHarness([MALL], kind);
    expect(await openApp()).toBe(`consent then /?shop=${MALL}`);
    expect(await openApp()).toBe(`/?shop=${MALL}`); // installed: straight to the admin
    const past = new Date(h.sim.clock.now() - 1000).toISOString();
    await tokens().updateTable("cafe24_tokens").set({ refresh_token_expires_at: past }).execute();
    expect(await openApp()).toBe(`consent then /?shop=${MALL}`);
    const row = await findCafe24Tokens(h.db.db, MALL);
    expect(Date.parse(row!.refresh_token_expires_at)).toBeGreaterThan(h.sim.clock.now());
    expect(await h.cafe24.platform.hasAccess(MALL)).toBe(true);
  }, 60_000);

  it("asks for consent again after Cafe24 refused the stored refresh token (spent, pair lost)", async () => {
    h = await startCafe24AppHarness([MALL], kind);
    await openApp();
    const stored = await findCafe24Tokens(h.db.db, MALL);
    // A refresh whose new pair never reached the database (the process died in between).
    await new Cafe24OAuthClient(CAFE24_APP, h.sim.baseUrlFor).refresh(MALL, stored!.refresh_token);
    await expect(h.cafe24.tokens.accessToken(MALL, stored!.access_token)).rejects.toThrow(/refused the grant/);
    expect(await openApp()).toBe(`consent then /?shop=${MALL}`);
    expect(await h.cafe24.platform.hasAccess(MALL)).toBe(true);
  }, 60_000);
});
