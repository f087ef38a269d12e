// Cafe24 webhooks through the shared ingest service, sent by the simulator with its key header: a missing or
// wrong key is 403 with nothing stored; an order placed event stores the order Cafe24 holds (read with
// fetchOrder, since the event names it); a redelivery is stored once; the app deleted from the mall erases it.
import { afterEach, describe, expect, it } from "vitest";
import { findCafe24Tokens } from "../../../server/src/db/repositories/cafe24-token.repository.js";
import { upsertInstalledShop } from "../../../server/src/db/repositories/shop.repository.js";
import { DB_KINDS } from "../../helpers/db-kinds.js";
import { startCafe24AppHarness, type Cafe24AppHarness } from "./app-harness.js";
import { CAFE24_APP } from "./harness.js";

const MALL = "hookmall";
const ITEM = {
  productNo: 7,
  productCode: "P0000007",
  variantCode: "P000000700A1",
  productName: "머그컵",
  quantity: 2,
  price: 12_000,
};

describe.each(DB_KINDS)("Cafe24 webhook intake (%s)", (kind) => {
  let h: Cafe24AppHarness;
  afterEach(async () => h?.close());

  async function installed() {
    h = await startCafe24AppHarness([MALL], kind);
    await h.install(MALL, h.cafe24);
    await upsertInstalledShop(h.db.db, MALL, "cafe24", new Date(h.sim.clock.now()));
  }
  const post = (body: unknown, key?: string) =>
    fetch(`${h.base}/cafe24/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key === undefined ? {} : { "x-api-key": key }) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  it("answers 403 to a missing or wrong key and stores nothing", async () => {
    await installed();
    const event = { event_no: 90023, resource: { mall_id: MALL, event_shop_no: "1", order_id: "20261202-0000001" } };
    expect((await post(event)).status).toBe(403);
    expect((await post(event, "not-the-key")).status).toBe(403);
    expect((await post(event, "")).status).toBe(403);
    await h.ingest.idle();
    expect(await h.count("webhook_events", MALL)).toBe(0);
    expect(await h.count("orders", MALL)).toBe(0);
  });

  it("stores the order an order-placed event names, once however often it is delivered", async () => {
    await installed();
    // A second subscription to the same address: Cafe24 delivers the same bytes twice (no delivery id; the body's
    // SHA-256 stands in for one).
    h.sim.webhooks.subscribe(`${h.base}/cafe24/webhooks`);
    const order = h.sim.placeOrder(MALL, { memberId: "m12345", items: [ITEM] });
    await h.settle();
    expect(h.sim.webhooks.log.map((e) => [e.eventNo, e.outcome])).toEqual([
      [90023, 200],
      [90023, 200],
    ]);
    const rows = await h.db.db.selectFrom("orders").selectAll().where("shop_domain", "=", MALL).execute();
    expect(rows.map((r) => [r.order_id, r.customer_id])).toEqual([[order.orderId, "m12345"]]);
    expect(await h.count("webhook_events", MALL)).toBe(1);
  });

  it("a cancellation event replaces the stored order with Cafe24's newer version", async () => {
    await installed();
    const order = h.sim.placeOrder(MALL, { memberId: "m7", items: [ITEM] });
    await h.settle();
    h.sim.clock.advance(3_600_000);
    h.sim.cancelOrder(MALL, order.orderId);
    await h.settle();
    const rows = await h.db.db.selectFrom("orders").selectAll().where("shop_domain", "=", MALL).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].cancelled_at).not.toBeNull();
    expect(rows[0].refunded_total).toBe(24_000);
    expect(await h.count("webhook_events", MALL)).toBe(2);
  });

  it("answers 403, not 500, to a body with the right key that is not an event, storing nothing", async () => {
    await installed();
    for (const body of ["null", "[]", "7", "{", '{"event_no":90023}'])
      expect((await post(body, CAFE24_APP.webhookApiKey)).status).toBe(403);
    expect(await h.count("webhook_events", MALL)).toBe(0);
  });

  it("erases the mall when the app is deleted from it (resource_type APP), tokens included", async () => {
    await installed();
    h.sim.placeOrder(MALL, { memberId: "m1", items: [ITEM] });
    await h.settle();
    expect(await h.count("orders", MALL)).toBe(1);
    h.sim.uninstallApp(MALL);
    await h.settle();
    expect(await h.count("shops", MALL)).toBe(0);
    expect(await h.count("orders", MALL)).toBe(0);
    expect(await findCafe24Tokens(h.db.db, MALL)).toBeUndefined();
  });

  it("ignores an app-expired event while the app can still reach the mall (a replay must not erase)", async () => {
    await installed();
    const expired = {
      resource_type: "APP",
      event_type: "MALL.APP.EXPIRED",
      resource: { mall_id: MALL, client_id: CAFE24_APP.clientId },
    };
    expect((await post(expired, CAFE24_APP.webhookApiKey)).status).toBe(200);
    await h.ingest.idle();
    expect(await h.count("shops", MALL)).toBe(1);
    expect(await findCafe24Tokens(h.db.db, MALL)).toBeDefined();
  });
});
