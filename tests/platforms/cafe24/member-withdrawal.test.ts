// A Cafe24 member who leaves the mall (event 90147, "a customer's account has been deleted", one or several
// comma-separated member ids) is erased like Shopify's customers/redact: their orders, profile, prediction and
// campaign data (last visit), recorded as customers/redact (what a late order delivery checks before it would bring
// a member back). A delivery without the app's key is refused (403) and erases nothing.
import { afterEach, describe, expect, it } from "vitest";
import { upsertCustomers } from "../../../server/src/db/repositories/customer.repository.js";
import { upsertPredictions } from "../../../server/src/db/repositories/prediction.repository.js";
import { upsertInstalledShop } from "../../../server/src/db/repositories/shop.repository.js";
import { campaignEraser } from "../../../server/src/services/campaign-eraser.js";
import { timingEraser } from "../../../server/src/services/timing-eraser.js";
import { memberDeletedWebhookBody } from "../../../server/src/simulator-cafe24/webhook-payloads.js";
import { DB_KINDS } from "../../helpers/db-kinds.js";
import { prediction } from "../../unit/domain/campaigns/fixtures.js";
import { startCafe24AppHarness, type Cafe24AppHarness } from "./app-harness.js";
import { CAFE24_APP } from "./harness.js";

const MALL = "leavemall";
const MEMBERS = ["m1", "m2", "m3"];
const ITEM = { productNo: 7, productCode: "P0000007", variantCode: "P000000700A1", productName: "머그컵", quantity: 1 };

describe.each(DB_KINDS)("Cafe24 member withdrawal (%s)", (kind) => {
  let h: Cafe24AppHarness;
  afterEach(async () => h?.close());

  /** The mall installed, each member with an order, a profile, a prediction and a last visit stored. */
  async function withMembers() {
    h = await startCafe24AppHarness([MALL], kind, {}, [timingEraser, campaignEraser]);
    await h.install(MALL, h.cafe24);
    await upsertInstalledShop(h.db.db, MALL, "cafe24", new Date(h.sim.clock.now()));
    const at = new Date(h.sim.clock.now());
    for (const memberId of MEMBERS) h.sim.placeOrder(MALL, { memberId, items: [{ ...ITEM, price: 12_300 }] });
    await h.settle();
    await upsertCustomers(
      h.db.db,
      MALL,
      MEMBERS.map((id) => ({
        id,
        email: `${id}@example.kr`,
        firstName: "민",
        lastName: "김",
        locale: "ko",
        createdAt: at,
        updatedAt: at,
      })),
    );
    await upsertPredictions(
      h.db.db,
      MALL,
      MEMBERS.map((customerId) => prediction({ customerId })),
    );
    await h.db.db
      .insertInto("customer_last_visits")
      .values(MEMBERS.map((customer_id) => ({ shop_domain: MALL, customer_id, last_visit_at: at.toISOString() })))
      .execute();
  }

  /** Which members still have a row in each table. */
  async function held() {
    const ids = async (table: "orders" | "customers" | "customer_predictions" | "customer_last_visits") =>
      (await h.db.db.selectFrom(table).select("customer_id").where("shop_domain", "=", MALL).execute())
        .map((r) => r.customer_id)
        .sort();
    return {
      orders: await ids("orders"),
      customers: await ids("customers"),
      predictions: await ids("customer_predictions"),
      visits: await ids("customer_last_visits"),
    };
  }

  it("erases every member a verified 90147 names, and only them", async () => {
    await withMembers();
    const all = { orders: MEMBERS, customers: MEMBERS, predictions: MEMBERS, visits: MEMBERS };
    expect(await held()).toEqual(all);
    h.sim.deleteMembers(MALL, ["m1", "m3"]);
    await h.settle();
    expect(h.sim.webhooks.log.filter((e) => e.eventNo === 90147).map((e) => e.outcome)).toEqual([200]);
    expect(await held()).toEqual({ orders: ["m2"], customers: ["m2"], predictions: ["m2"], visits: ["m2"] });
    const requests = await h.db.db
      .selectFrom("privacy_requests")
      .select(["customer_id", "topic"])
      .where("shop_domain", "=", MALL)
      .orderBy("customer_id")
      .execute();
    expect(requests).toEqual([
      { customer_id: "m1", topic: "customers/redact" },
      { customer_id: "m3", topic: "customers/redact" },
    ]);
  });

  it("refuses a 90147 without the app's key (403) and erases nothing", async () => {
    await withMembers();
    const body = JSON.stringify(memberDeletedWebhookBody(h.sim.mall(MALL), ["m1", "m2", "m3"]));
    for (const key of [undefined, "not-the-key", ""]) {
      const res = await fetch(`${h.base}/cafe24/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(key === undefined ? {} : { "x-api-key": key }) },
        body,
      });
      expect(res.status).toBe(403);
    }
    await h.settle();
    expect(await held()).toEqual({ orders: MEMBERS, customers: MEMBERS, predictions: MEMBERS, visits: MEMBERS });
    expect(await h.count("webhook_events", MALL)).toBe(MEMBERS.length); // the three order events only
  });

  it("answers 400 to a keyed 90147 naming no valid member, storing nothing", async () => {
    await withMembers();
    for (const memberId of ["", " , ", "a/b", undefined]) {
      const res = await fetch(`${h.base}/cafe24/webhooks`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": CAFE24_APP.webhookApiKey },
        body: JSON.stringify({ event_no: 90147, resource: { mall_id: MALL, event_shop_no: "1", member_id: memberId } }),
      });
      expect(res.status, String(memberId)).toBe(400);
    }
    await h.settle();
    expect(await held()).toEqual({ orders: MEMBERS, customers: MEMBERS, predictions: MEMBERS, visits: MEMBERS });
  });
});
