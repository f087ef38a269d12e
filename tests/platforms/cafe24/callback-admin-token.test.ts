// A merchant who just installed a mall lands in the admin with its credential: the OAuth callback (whose state
// came from a verified launch) redirects with the same one-hour admin token a launch of an installed mall gets,
// for the state's mall only, never cached or sent on as a Referer. A refused callback carries no token.
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../../server/src/http/app.js";
import { adminTokenAuth } from "../../../server/src/http/auth/admin-token-auth.js";
import { adminRoutes } from "../../../server/src/http/routes/admin/index.js";
import { signCafe24LaunchQuery } from "../../../server/src/platforms/cafe24/launch-hmac.js";
import { DB_KINDS } from "../../helpers/db-kinds.js";
import { listen } from "../../http/admin/fixtures.js";
import { startCafe24AppHarness, type Cafe24AppHarness } from "./app-harness.js";
import { CAFE24_APP } from "./harness.js";

const MALL = "freshmall";
const OTHER = "othermall";

describe.each(DB_KINDS)("Cafe24 OAuth callback hands the new mall its admin token (%s)", (kind) => {
  let h: Cafe24AppHarness;
  let admin: { url: string; close(): Promise<void> } | undefined;
  afterEach(async () => {
    await admin?.close();
    await h?.close();
  });

  const get = (path: string) => fetch(`${h.base}${path}`, { redirect: "manual" });
  async function callbackPathFor(mallId: string): Promise<string> {
    const query = signCafe24LaunchQuery(
      { mall_id: mallId, timestamp: String(Math.trunc(h.sim.clock.now() / 1000)), user_id: mallId, user_type: "P" },
      CAFE24_APP.clientSecret,
    );
    const launch = await get(`/cafe24/launch?${query}`);
    const consent = await fetch(launch.headers.get("location")!, { redirect: "manual" });
    return `/cafe24/oauth/callback${new URL(consent.headers.get("location")!).search}`;
  }
  /** The admin API as main.ts mounts it with Cafe24 credentials only, over the harness's database. */
  async function startAdmin() {
    const auth = adminTokenAuth({
      shopify: null,
      cafe24: { clientSecret: CAFE24_APP.clientSecret },
      now: () => h.sim.clock.now(),
    });
    admin = await listen(
      createApp({
        db: h.db.db,
        dbKind: h.db.kind,
        mounts: [{ path: "/api", handler: adminRoutes({ db: h.db.db, auth }) }],
      }),
    );
  }

  it("redirects to the admin with a token that reads this mall's admin API and no other's", async () => {
    h = await startCafe24AppHarness([MALL, OTHER], kind);
    await get(await callbackPathFor(OTHER)); // another installed mall, whose data the token must not reach
    const done = await get(await callbackPathFor(MALL));
    expect(done.status).toBe(302);
    expect(done.headers.get("cache-control")).toBe("no-store");
    expect(done.headers.get("referrer-policy")).toBe("no-referrer");
    const [target, fragment] = done.headers.get("location")!.split("#");
    expect(target).toBe(`/?shop=${MALL}`);
    const token = /^cafe24_token=([\w-]+\.[\w-]+\.[\w-]+)$/.exec(fragment ?? "")?.[1];
    expect(token).toBeTruthy();

    await startAdmin();
    for (const path of ["/api/settings", `/api/settings?shop=${OTHER}`]) {
      const res = await fetch(`${admin!.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(200);
      expect((await res.json()).shop, path).toBe(MALL);
    }
  });

  it("carries no token when the callback is refused (a state it never issued)", async () => {
    h = await startCafe24AppHarness([MALL], kind);
    const refused = await get(`/cafe24/oauth/callback?code=abc&state=${"A".repeat(43)}`);
    expect(refused.status).toBe(400);
    expect(refused.headers.get("location")).toBeNull();
    expect(await refused.text()).not.toMatch(/cafe24_token|eyJ/);
  });
});
