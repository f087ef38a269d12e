// The uninstall guard asks "can the app still reach the mall?" before erasing on an app-deleted/expired event.
// It asked GET /store, which needs mall.read_store, a scope the app does not request: Cafe24 answers 403 ("Access
// Token exists but the Scope is not authorized"), read as "app removed", so any replayed or late app event erased
// a live mall. It now asks an endpoint inside the scopes the app holds (order count, mall.read_order).
import { afterEach, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startCafe24Harness, type Cafe24Harness } from "../platforms/cafe24/harness.js";

const MALL = "scopemall";

/** Cafe24 without mall.read_store: /store is 403 as for any scope the token lacks. */
const withoutStoreScope: typeof fetch = async (input, init) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (new URL(url).pathname.endsWith("/api/v2/admin/store"))
    return new Response(JSON.stringify({ error: { code: 403, message: "No authority to access" } }), {
      status: 403,
      headers: { "content-type": "application/json" },
    });
  return fetch(input, init);
};

describe.each(DB_KINDS)("Cafe24 hasAccess within the granted scopes (%s)", (kind) => {
  let h: Cafe24Harness;
  afterEach(async () => h?.close());

  it("says the app reaches an installed mall without mall.read_store, and not once access is revoked", async () => {
    h = await startCafe24Harness({ malls: [{ mallId: MALL }] }, kind);
    const cafe24 = h.module({ fetch: withoutStoreScope });
    await h.install(MALL, cafe24);
    expect(await cafe24.platform.hasAccess(MALL)).toBe(true);
    h.sim.oauth.revokeMall(MALL);
    expect(await cafe24.platform.hasAccess(MALL)).toBe(false);
  }, 60_000);
});
