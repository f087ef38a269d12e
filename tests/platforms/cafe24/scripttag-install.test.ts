// The storefront ScriptTag on the Cafe24 simulator: the OAuth callback registers it (src = our script, integrity =
// sha384 of the bytes our server serves, shown on every page); running it again keeps that one tag; a changed
// script replaces it; two installs racing still leave one tag.
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { signCafe24LaunchQuery } from "../../../server/src/platforms/cafe24/launch-hmac.js";
import { sriSha384 } from "../../../server/src/platforms/cafe24/storefront/banner-asset.js";
import { createCafe24Storefront } from "../../../server/src/platforms/cafe24/storefront/index.js";
import { DB_KINDS } from "../../helpers/db-kinds.js";
import { CAFE24_APP } from "./harness.js";
import {
  CAFE24_STOREFRONT_PATH,
  STOREFRONT_MALL,
  startCafe24StorefrontHarness,
  type Cafe24StorefrontHarness,
} from "./storefront-harness.js";

describe.each(DB_KINDS)("Cafe24 storefront ScriptTag install (%s)", (kind) => {
  let h: Cafe24StorefrontHarness;
  afterEach(async () => h?.close());

  const tags = () => [...h.sim.mall(STOREFRONT_MALL).scriptTags.values()];

  async function installThroughCallback() {
    const query = signCafe24LaunchQuery(
      { mall_id: STOREFRONT_MALL, timestamp: String(Math.trunc(h.sim.clock.now() / 1000)), user_type: "P" },
      CAFE24_APP.clientSecret,
    );
    const launch = await fetch(`${h.base}/cafe24/launch?${query}`, { redirect: "manual" });
    const consent = await fetch(launch.headers.get("location")!, { redirect: "manual" });
    const callback = new URL(consent.headers.get("location")!);
    const done = await fetch(`${h.base}/cafe24/oauth/callback${callback.search}`, { redirect: "manual" });
    expect(done.status).toBe(302);
  }

  it("the OAuth callback registers one tag whose integrity is the sha384 of the served bytes", async () => {
    h = await startCafe24StorefrontHarness(kind, { publish: false });
    expect(tags()).toEqual([]);
    await installThroughCallback();
    expect(h.logs).toEqual([]);
    const served = Buffer.from(await (await fetch(h.platformModule.storefrontScript.scriptUrl)).arrayBuffer());
    const [tag, ...more] = tags();
    expect(more).toEqual([]);
    expect(tag).toMatchObject({
      clientId: CAFE24_APP.clientId,
      src: `${h.base}${CAFE24_STOREFRONT_PATH}/banner.js?client_id=${CAFE24_APP.clientId}`,
      displayLocation: ["all"],
      integrity: `sha384-${createHash("sha384").update(served).digest("base64")}`,
    });

    // Again (a reinstall, a retried callback): kept, never duplicated.
    expect(await h.platformModule.storefrontScript.installScriptTag(STOREFRONT_MALL)).toEqual({
      scriptNo: tag.scriptNo,
      action: "kept",
    });
    expect(tags().map((t) => t.scriptNo)).toEqual([tag.scriptNo]);
  }, 60_000);

  it("a changed script replaces the tag (one tag, the new bytes' integrity); racing installs leave one tag", async () => {
    h = await startCafe24StorefrontHarness(kind, { publish: false });
    await h.install(STOREFRONT_MALL, h.platformModule.cafe24);
    const first = h.platformModule.storefrontScript;
    const [a, b] = await Promise.all([
      first.installScriptTag(STOREFRONT_MALL),
      first.installScriptTag(STOREFRONT_MALL),
    ]);
    expect(tags()).toHaveLength(1);
    expect(new Set([a.scriptNo, b.scriptNo])).toEqual(new Set([tags()[0].scriptNo]));
    expect([a.action, b.action].sort()).toEqual(["created", "kept"]);

    const bytes = Buffer.concat([first.asset.bytes, Buffer.from("\n// v2\n")]);
    const changed = createCafe24Storefront({
      db: h.db.db,
      api: h.platformModule.cafe24.api,
      clientId: CAFE24_APP.clientId,
      appUrl: h.base,
      path: CAFE24_STOREFRONT_PATH,
      asset: { bytes, integrity: sriSha384(bytes) },
    });
    expect((await changed.installScriptTag(STOREFRONT_MALL)).action).toBe("replaced");
    expect(tags()).toHaveLength(1);
    expect(tags()[0]).toMatchObject({ src: first.scriptUrl, integrity: sriSha384(bytes) });
    expect(tags()[0].integrity).not.toBe(first.asset.integrity);
  }, 60_000);

  it("a failed registration is logged and the install still completes (the next install registers it)", async () => {
    const noScriptTags: typeof fetch = async (input, init) => {
      if (new URL(String(input)).pathname.endsWith("/scripttags")) throw new TypeError("fetch failed");
      return fetch(input, init);
    };
    h = await startCafe24StorefrontHarness(kind, { publish: false, fetch: noScriptTags });
    await installThroughCallback();
    expect(tags()).toEqual([]);
    expect(h.logs).toEqual([expect.stringMatching(/ScriptTag not registered: Cafe24 GET \/scripttags: network error/)]);
    expect(await h.platformModule.cafe24.tokens.isInstalled(STOREFRONT_MALL)).toBe(true);
  }, 60_000);
});
