// Cafe24 install through the real flow on the simulator: app launch (signed) → Cafe24's authorize → our callback
// with code and state → tokens stored, the shop recorded as a Cafe24 one, its backfill started. Every refused
// request (launch forged or stale; callback state unknown, reused, expired, another mall's; a code past its
// minute) is a 4xx that stores no tokens and no shop.
import { afterEach, describe, expect, it } from "vitest";
import { findCafe24Tokens } from "../../../server/src/db/repositories/cafe24-token.repository.js";
import { findShop } from "../../../server/src/db/repositories/shop.repository.js";
import { signCafe24LaunchQuery } from "../../../server/src/platforms/cafe24/launch-hmac.js";
import { DB_KINDS } from "../../helpers/db-kinds.js";
import { startCafe24AppHarness, type Cafe24AppHarness } from "./app-harness.js";
import { CAFE24_APP } from "./harness.js";

const MALL = "installmall";
const OTHER = "othermall";

describe.each(DB_KINDS)("Cafe24 install routes (%s)", (kind) => {
  let h: Cafe24AppHarness;
  afterEach(async () => h?.close());

  const launchQuery = (mallId: string, secret = CAFE24_APP.clientSecret, ageSeconds = 0) =>
    signCafe24LaunchQuery(
      {
        mall_id: mallId,
        timestamp: String(Math.trunc(h.sim.clock.now() / 1000) - ageSeconds),
        user_id: mallId,
        user_type: "P",
      },
      secret,
    );
  const get = (path: string) => fetch(`${h.base}${path}`, { redirect: "manual" });
  /** Launch → Cafe24's consent (auto-approved by the simulator) → the callback URL Cafe24 redirects to, on our host. */
  async function callbackUrlFor(mallId: string): Promise<string> {
    const launch = await get(`/cafe24/launch?${launchQuery(mallId)}`);
    expect(launch.status).toBe(302);
    const consent = await fetch(launch.headers.get("location")!, { redirect: "manual" });
    const callback = new URL(consent.headers.get("location")!);
    expect(`${callback.origin}${callback.pathname}`).toBe(CAFE24_APP.redirectUri);
    return `/cafe24/oauth/callback${callback.search}`;
  }
  async function expectNothingStored(mallId = MALL) {
    expect(await findCafe24Tokens(h.db.db, mallId)).toBeUndefined();
    expect(await findShop(h.db.db, mallId)).toBeUndefined();
    expect(h.backfilled).toEqual([]);
  }

  it("installs a new mall from launch to callback: tokens stored, shop recorded as cafe24, backfill started", async () => {
    h = await startCafe24AppHarness([MALL], kind);
    const launch = await get(`/cafe24/launch?${launchQuery(MALL)}`);
    const authorize = new URL(launch.headers.get("location")!);
    expect(authorize.pathname).toMatch(/\/api\/v2\/oauth\/authorize$/);
    expect(authorize.searchParams.get("client_id")).toBe(CAFE24_APP.clientId);
    expect(authorize.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const consent = await fetch(authorize, { redirect: "manual" });
    const callback = new URL(consent.headers.get("location")!);
    const done = await get(`/cafe24/oauth/callback${callback.search}`);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")?.split("#")[0]).toBe(`/?shop=${MALL}`); // with its token (callback-admin-token.test.ts)
    expect((await findCafe24Tokens(h.db.db, MALL))?.access_token).toBeTruthy();
    expect((await findShop(h.db.db, MALL))?.platform).toBe("cafe24");
    expect(h.backfilled).toEqual([MALL]);
    expect(await h.cafe24.platform.hasAccess(MALL)).toBe(true);
    // Launched again, the installed mall goes to the admin: no new state, no consent screen.
    const again = await get(`/cafe24/launch?${launchQuery(MALL)}`);
    const [admin, fragment] = again.headers.get("location")!.split("#");
    expect(admin).toBe(`/?shop=${MALL}`);
    expect(fragment).toMatch(/^cafe24_token=[\w-]+\.[\w-]+\.[\w-]+$/); // its admin token (cafe24-admin-login.test.ts)
  });

  it("refuses a forged or stale launch (401) and issues no state", async () => {
    h = await startCafe24AppHarness([MALL], kind);
    expect((await get(`/cafe24/launch?${launchQuery(MALL, "not-the-secret")}`)).status).toBe(401);
    expect((await get(`/cafe24/launch?${launchQuery(MALL, undefined, 301)}`)).status).toBe(401);
    expect((await get(`/cafe24/launch?${launchQuery(MALL)}&mall_id=${OTHER}`)).status).toBe(401);
    expect((await get("/cafe24/launch")).status).toBe(401);
    const states = await h.db.db
      .withTables<{ cafe24_oauth_states: { mall_id: string } }>()
      .selectFrom("cafe24_oauth_states")
      .selectAll()
      .execute();
    expect(states).toEqual([]);
  });

  it("refuses an unknown, malformed, reused or repeated state with 400 and a clear message", async () => {
    h = await startCafe24AppHarness([MALL], kind);
    const made = await get(`/cafe24/oauth/callback?code=abc&state=${"A".repeat(43)}`);
    expect(made.status).toBe(400);
    expect((await made.json()).error.message).toMatch(/Unknown install state/);
    expect((await get("/cafe24/oauth/callback?code=abc&state=short")).status).toBe(400);
    expect((await get("/cafe24/oauth/callback?state=x")).status).toBe(400);
    const url = await callbackUrlFor(MALL);
    expect((await get(`${url}&state=${"B".repeat(43)}`)).status).toBe(400); // state repeated
    await expectNothingStored();
    expect((await get(url)).status).toBe(302);
    const reused = await get(url);
    expect(reused.status).toBe(400);
    expect((await reused.json()).error.message).toMatch(/already used/);
  });

  it("refuses another mall's state and an expired state, storing nothing", async () => {
    h = await startCafe24AppHarness([MALL, OTHER], kind);
    const url = await callbackUrlFor(MALL);
    const foreign = await get(`${url}&mall_id=${OTHER}`);
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).error.message).toMatch(/another mall/);
    h.sim.clock.advance(11 * 60_000);
    const expired = await get(url);
    expect(expired.status).toBe(400);
    expect((await expired.json()).error.message).toMatch(/expired/);
    await expectNothingStored();
    await expectNothingStored(OTHER);
  });

  it("refuses a code presented after its minute (400) and stores no tokens and no shop", async () => {
    h = await startCafe24AppHarness([MALL], kind);
    const url = await callbackUrlFor(MALL);
    h.sim.clock.advance(61_000);
    const late = await get(url);
    expect(late.status).toBe(400);
    expect((await late.json()).error.message).toMatch(/valid for 1 minute/);
    await expectNothingStored();
  });
  // The token endpoint failing otherwise than by refusing the grant (the app's credentials refused, Cafe24 down,
  // the network) is a 503 with a fixed message: what Cafe24 or fetch said goes to the log, not to the browser.
  const tokenEndpointFailures: [string, () => Promise<Response>, RegExp][] = [
    [
      "HTTP 401 invalid_client",
      async () =>
        Response.json({ error: "invalid_client", error_description: "<b>client secret mismatch</b>" }, { status: 401 }),
      /HTTP 401 invalid_client/,
    ],
    ["HTTP 502", async () => new Response("bad gateway", { status: 502 }), /HTTP 502/],
    [
      "a fetch error",
      async () => {
        throw new TypeError("getaddrinfo ENOTFOUND internal-token-proxy.corp");
      },
      /ENOTFOUND internal-token-proxy\.corp/,
    ],
  ];
  it.each(tokenEndpointFailures)(
    "answers a token endpoint failure (%s) with 503 and a fixed message, logging the detail",
    async (_name, tokenAnswer, detail) => {
      const fetchThrough: typeof fetch = (input, init) =>
        String(input).endsWith("/api/v2/oauth/token") ? tokenAnswer() : fetch(input, init);
      h = await startCafe24AppHarness([MALL], kind, { fetch: fetchThrough });
      const res = await get(await callbackUrlFor(MALL));
      expect(res.status).toBe(503);
      const body = await res.text();
      expect(JSON.parse(body).error).toEqual({
        code: "PlatformUnavailable",
        message: "Cafe24 could not complete the install just now: open the app again in a minute.",
      });
      expect(body).not.toMatch(/HTTP|invalid_client|ENOTFOUND|client secret|token endpoint/);
      expect(h.logs.some((line) => detail.test(line))).toBe(true);
      await expectNothingStored();
    },
  );

  it("does not echo the callback's error parameter (anyone can put text in a link)", async () => {
    h = await startCafe24AppHarness([MALL], kind);
    const crafted = encodeURIComponent("access_denied). Call +82-2-0000-0000 to restore your mall (<b>urgent</b>");
    const res = await get(`/cafe24/oauth/callback?error=${crafted}&state=${"A".repeat(43)}`);
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(JSON.parse(body).error.message).toBe(
      "Cafe24 did not grant access to the mall: open the app again to retry.",
    );
    expect(body).not.toMatch(/access_denied|Call|urgent|<b>/);
    await expectNothingStored();
  });
});
