// Cafe24 sends no delivery id, so a delivery is deduped by its body's SHA-256, and an app event's body may carry
// nothing that changes between two of them ({resource_type, event_type, resource: {mall_id, client_id}}). An
// app-expired/deleted event that arrived while the app could still reach the mall (a replay, a late retry) was
// ignored but kept as "processed": the real one, later, byte for byte the same, was then a duplicate and the
// mall was never erased (its orders, customers and tokens kept after the merchant removed the app).
import { afterEach, describe, expect, it } from "vitest";
import { findCafe24Tokens } from "../../server/src/db/repositories/cafe24-token.repository.js";
import { upsertInstalledShop } from "../../server/src/db/repositories/shop.repository.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { startCafe24AppHarness, type Cafe24AppHarness } from "../platforms/cafe24/app-harness.js";
import { CAFE24_APP } from "../platforms/cafe24/harness.js";

const MALL = "dedupemall";

describe.each(DB_KINDS)("Cafe24 erase after an ignored identical one (%s)", (kind) => {
  let h: Cafe24AppHarness;
  afterEach(async () => h?.close());

  const post = (body: unknown) =>
    fetch(`${h.base}/cafe24/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": CAFE24_APP.webhookApiKey },
      body: JSON.stringify(body),
    });

  it("erases the mall when the same app event comes again once the app has lost access", async () => {
    h = await startCafe24AppHarness([MALL], kind);
    await h.install(MALL, h.cafe24);
    await upsertInstalledShop(h.db.db, MALL, "cafe24", new Date(h.sim.clock.now()));
    const expired = {
      resource_type: "APP",
      event_type: "MALL.APP.EXPIRED",
      resource: { mall_id: MALL, client_id: CAFE24_APP.clientId },
    };
    expect((await post(expired)).status).toBe(200);
    await h.ingest.idle();
    expect(await h.count("shops", MALL)).toBe(1); // the app still reaches the mall: ignored
    h.sim.oauth.revokeMall(MALL); // now it really expired
    expect((await post(expired)).status).toBe(200);
    await h.ingest.idle();
    expect(await h.count("shops", MALL)).toBe(0);
    expect(await findCafe24Tokens(h.db.db, MALL)).toBeUndefined();
  }, 60_000);
});
