import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { syncedOrder } from "../helpers/synced-order.js";
import { createFakePlatform, type FakePlatform } from "../helpers/fake-platform.js";
import { installedOn, registryOf } from "../helpers/platforms.js";
import type { PlatformRegistry } from "../../server/src/platforms/registry.js";
import { customerOnSide, daysAgo, NOW, prediction, SHOP } from "../unit/domain/campaigns/fixtures.js";
import { createDecisionPublisher, predictionsFromDb } from "../../server/src/services/decision-publisher.service.js";
import { upsertPredictions } from "../../server/src/db/repositories/prediction.repository.js";
import { createCampaignService } from "../../server/src/services/campaign.service.js";
import { createCampaignResultsService } from "../../server/src/services/campaign-results.service.js";
import { upsertCustomers } from "../../server/src/db/repositories/customer.repository.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { findPublishedDecision } from "../../server/src/db/repositories/decision.repository.js";
import { listCustomerCoupons } from "../../server/src/db/repositories/coupon.repository.js";
import { listPublishErrors } from "../../server/src/db/repositories/publish-error.repository.js";
import type { CustomerPrediction } from "../../server/src/domain/timing/prediction.js";

const overdue = (id: string) =>
  prediction({
    customerId: id,
    lastOrderAt: daysAgo(60),
    dueWindow: { early: daysAgo(40), likely: daysAgo(30), late: daysAgo(20) },
    dueProducts: [],
  });

describe.each(DB_KINDS)("decision publisher on %s", (kind) => {
  let t: TestDb;
  let fake: FakePlatform;
  let platforms: PlatformRegistry;
  let predictions: CustomerPrediction[];
  let clock: Date;
  const errors: string[] = [];
  const make = () =>
    createDecisionPublisher({
      db: t.db,
      platforms,
      loadPredictions: async (_shop, ids) => predictions.filter((p) => !ids || ids.includes(p.customerId)),
      now: () => clock,
      log: (m) => errors.push(m),
    });
  const enable = async (key: string, patch: Record<string, unknown> = {}) =>
    createCampaignService({ db: t.db, now: () => clock }).update(SHOP, key, {
      enabled: true,
      holdoutShare: 0,
      ...patch,
    });

  beforeEach(async () => {
    t = await createTestDb(kind);
    fake = createFakePlatform();
    fake.install(SHOP, { customers: ["c1", "c2", "c3"] });
    fake.install("other.myshopify.com", { customers: ["c1"] });
    platforms = await installedOn(t.db, fake.platform, [SHOP, "other.myshopify.com"]);
    clock = NOW;
    errors.length = 0;
    await upsertCustomers(
      t.db,
      SHOP,
      ["c1", "c2", "c3"].map((id) => ({
        id,
        email: null,
        firstName: id === "c1" ? "Mina" : null,
        lastName: null,
        locale: null,
        createdAt: daysAgo(200),
        updatedAt: daysAgo(1),
      })),
    );
  });
  afterEach(async () => {
    await t.destroy();
  });

  it("writes the replenishment banner to the due customer's metafield and records the assignment", async () => {
    predictions = [prediction({ customerId: "c1" })];
    await enable("replenishment");
    const summary = await make().publishShop(SHOP);
    expect(summary).toMatchObject({ customers: 1, banners: 1, metafieldsWritten: 1, metafieldFailures: 0 });
    const written = fake.metafieldCalls.flat()[0];
    expect(written).toMatchObject({ customerId: "c1", namespace: "$app:dangol", key: "decision", type: "json" });
    expect(JSON.parse(written.value).banner).toMatchObject({
      campaign: "replenishment",
      ctaUrl: "/cart/4711:1",
      title: { en: "Time to restock Coffee beans?" },
    });
    const stored = await findPublishedDecision(t.db, SHOP, "c1");
    expect(stored!.publishedAt).toEqual(NOW);
    expect(stored!.verdicts.find((v) => v.campaign === "replenishment")!.outcome).toBe("shown");
    const results = await createCampaignResultsService({ db: t.db }).results(SHOP, "replenishment");
    expect(results.treatment.customers).toBe(1);
  });

  it("issues a win-back code once, shows it, and does not rewrite an unchanged metafield", async () => {
    predictions = [overdue("c1")];
    await enable("win_back");
    await enable("coupon_expiry", { settings: { withinDays: 14 } });
    const publisher = make();
    const first = await publisher.publishShop(SHOP);
    expect(first.couponsIssued).toBe(1);
    expect(fake.coupons).toHaveLength(1);
    expect(fake.coupons[0]).toMatchObject({ customerId: "c1", percentOff: 0.15 });
    expect(fake.coupons[0].endsAt.getTime() - NOW.getTime()).toBe(14 * 86_400_000);
    const decision = fake.lastDecision("c1");
    expect(decision.banner).toMatchObject({ campaign: "win_back", coupon: { code: fake.coupons[0].code } });
    expect(decision.notice).toMatchObject({ campaign: "coupon_expiry", coupon: { code: fake.coupons[0].code } });

    clock = new Date(NOW.getTime() + 3_600_000);
    const second = await publisher.publishShop(SHOP);
    expect(second.couponsIssued).toBe(0);
    expect(fake.coupons).toHaveLength(1);
    expect(second.metafieldsWritten).toBe(0);
  });

  it("never issues two codes when publishes overlap", async () => {
    predictions = [overdue("c1"), overdue("c2")];
    await enable("win_back");
    const a = make();
    const b = make(); // two publishers (e.g. two processes) share only the database
    await Promise.all([a.publishShop(SHOP), b.publishShop(SHOP), a.publishCustomers(SHOP, ["c1"])]);
    expect(fake.coupons.map((c) => c.customerId).sort()).toEqual(["c1", "c2"]);
    expect((await listCustomerCoupons(t.db, SHOP, ["c1", "c2"])).every((c) => c.status === "active")).toBe(true);
  });

  it("keeps a holdout customer's metafield empty and issues no code", async () => {
    const id = customerOnSide("win_back", 0.5, true);
    fake.addCustomers(SHOP, [id]);
    predictions = [overdue(id)];
    await enable("win_back", { holdoutShare: 0.5 });
    const summary = await make().publishCustomers(SHOP, [id]);
    expect(summary.holdouts).toBe(1);
    expect(fake.coupons).toEqual([]);
    expect(fake.lastDecision(id)).toMatchObject({ banner: null, notice: null });
    const results = await createCampaignResultsService({ db: t.db }).results(SHOP, "win_back");
    expect(results.holdout.customers).toBe(1);
  });

  it("retries after the platform fails: no banner without a code, and unpublished metafields are rewritten", async () => {
    predictions = [overdue("c1")];
    await enable("win_back");
    fake.fail.coupons = 1;
    fake.fail.metafields = 1;
    const publisher = make();
    const first = await publisher.publishShop(SHOP);
    expect(first).toMatchObject({ couponsIssued: 0, banners: 0, metafieldFailures: 1 });
    expect(errors.length).toBe(2);
    // The claim is kept (the failure may have created the code) but is not usable, so no banner offers it.
    const [held] = await listCustomerCoupons(t.db, SHOP, ["c1"]);
    expect(held).toMatchObject({ status: "pending", discountId: null });
    expect((await findPublishedDecision(t.db, SHOP, "c1"))!.publishedAt).toBeNull();
    const second = await publisher.publishShop(SHOP);
    expect(second).toMatchObject({ couponsIssued: 1, banners: 1, metafieldsWritten: 1 });
    expect(fake.coupons.map((c) => c.code)).toEqual([held.code]);
    expect(await listCustomerCoupons(t.db, SHOP, ["c1"])).toMatchObject([{ code: held.code, status: "active" }]);
  });

  it("never leaves a second live code when the platform created one but its answer was lost", async () => {
    predictions = [overdue("c1")];
    await enable("win_back");
    fake.fail.couponsLostAnswer = 1;
    const publisher = make();
    expect(await publisher.publishShop(SHOP)).toMatchObject({ couponsIssued: 0, banners: 0 });
    expect(fake.coupons).toHaveLength(1); // live at the platform, unknown to us
    expect(await publisher.publishShop(SHOP)).toMatchObject({ couponsIssued: 1, banners: 1 });
    expect(fake.coupons).toHaveLength(1);
    const stored = await listCustomerCoupons(t.db, SHOP, ["c1"]);
    expect(stored).toMatchObject([
      { code: fake.coupons[0].code, status: "active", discountId: "gid://shopify/DiscountCodeNode/1" },
    ]);
    expect(fake.lastDecision("c1").banner.coupon.code).toBe(fake.coupons[0].code);
  });

  it("drops an unfinished claim once its window has passed, and then issues a fresh code", async () => {
    predictions = [overdue("c1")];
    await enable("win_back");
    fake.fail.coupons = 1;
    const publisher = make();
    await publisher.publishShop(SHOP);
    const [held] = await listCustomerCoupons(t.db, SHOP, ["c1"]);
    clock = new Date(Date.parse(held.expiresAt.toISOString()) + 1000);
    expect(await publisher.publishShop(SHOP)).toMatchObject({ couponsIssued: 0 });
    expect(await listCustomerCoupons(t.db, SHOP, ["c1"])).toEqual([]);
    expect(fake.coupons).toEqual([]);
    expect(await publisher.publishShop(SHOP)).toMatchObject({ couponsIssued: 1 });
    expect(fake.coupons.map((c) => c.code)).not.toContain(held.code);
  });

  it("releases a claim the platform refused outright, and tries a fresh code next time", async () => {
    predictions = [overdue("c1")];
    await enable("win_back");
    fake.fail.couponsRefused = 1;
    const publisher = make();
    expect(await publisher.publishShop(SHOP)).toMatchObject({ couponsIssued: 0 });
    expect(await listCustomerCoupons(t.db, SHOP, ["c1"])).toEqual([]);
    expect(await publisher.publishShop(SHOP)).toMatchObject({ couponsIssued: 1 });
    expect(fake.coupons).toHaveLength(1);
  });

  it("records a conversion when the code is used, marks it used and never shows the campaign again", async () => {
    predictions = [overdue("c1")];
    await enable("win_back");
    const publisher = make();
    await publisher.publishShop(SHOP);
    const code = fake.coupons[0].code;
    const orderAt = new Date(NOW.getTime() + 20 * 86_400_000); // outside the 7-day window: the code alone attributes it
    await upsertOrders(t.db, SHOP, [syncedOrder("o1", "c1", orderAt, { discountCodes: [code.toLowerCase()] })]);
    clock = new Date(orderAt.getTime() + 60_000);
    const summary = await publisher.publishCustomers(SHOP, ["c1"]);
    expect(summary.conversionsRecorded).toBe(1);
    expect((await listCustomerCoupons(t.db, SHOP, ["c1"]))[0].usedAt).toEqual(orderAt);
    expect(fake.lastDecision("c1").banner).toBeNull();
    await publisher.publishCustomers(SHOP, ["c1"]);
    // The results count only orders inside the attribution window, as for the holdout (which has no code).
    const results = await createCampaignResultsService({ db: t.db }).results(SHOP, "win_back");
    expect(results).toMatchObject({ conversions: 0, treatment: { customers: 1, conversions: 0 } });
  });

  it("results: the summary and the A/B table count the same orders (one attribution window)", async () => {
    predictions = [overdue("c1"), overdue("c2")];
    await enable("win_back");
    const publisher = make();
    await publisher.publishShop(SHOP);
    // Ten days after assignment: inside the experiment's 14-day window, outside the publisher's 7-day one.
    const orderAt = new Date(NOW.getTime() + 10 * 86_400_000);
    await upsertOrders(t.db, SHOP, [syncedOrder("o10", "c2", orderAt)]);
    clock = new Date(orderAt.getTime() + 60_000);
    await publisher.publishCustomers(SHOP, ["c2"]);
    const results = await createCampaignResultsService({ db: t.db }).results(SHOP, "win_back");
    const orders = results.experiment.arms.reduce((n, a) => n + a.orders, 0);
    expect(orders).toBe(1);
    expect(results).toMatchObject({ conversions: orders, treatment: { customers: 2, conversions: 1 } });
  });

  it("clears the banner when the merchant switches the campaign off (toggle republishes)", async () => {
    predictions = [prediction({ customerId: "c1" })];
    const publisher = make();
    const pending: Promise<unknown>[] = [];
    const service = createCampaignService({
      db: t.db,
      now: () => clock,
      onChanged: (shop) => {
        const p = publisher.publishShop(shop);
        pending.push(p);
        return p;
      },
    });
    await service.update(SHOP, "replenishment", { enabled: true, holdoutShare: 0 });
    await Promise.all(pending);
    expect(fake.lastDecision("c1").banner?.campaign).toBe("replenishment");
    await service.update(SHOP, "replenishment", { enabled: false });
    await Promise.all(pending);
    expect(fake.lastDecision("c1").banner).toBeNull();
    expect(pending).toHaveLength(2);
  });

  it("reads the timing engine's stored predictions", async () => {
    await upsertPredictions(t.db, SHOP, [
      prediction({ customerId: "c1" }),
      prediction({ customerId: "c2", dueProducts: [] }),
    ]);
    await enable("replenishment");
    const publisher = createDecisionPublisher({
      db: t.db,
      platforms,
      loadPredictions: predictionsFromDb(t.db),
      now: () => clock,
    });
    expect(await publisher.publishShop(SHOP)).toMatchObject({ customers: 2, banners: 1 });
    expect(await publisher.publishCustomers(SHOP, ["c1", "nobody"])).toMatchObject({ customers: 2, banners: 1 });
    expect(fake.lastDecision("c1").banner.ctaUrl).toBe("/cart/4711:1");
  });

  it("publishes the rest when the platform no longer knows one customer, reports it and stops resending it", async () => {
    const ids = Array.from({ length: 198 }, (_, i) => `c${String(i + 1).padStart(3, "0")}`);
    predictions = ids.map((id) => prediction({ customerId: id }));
    await enable("replenishment");
    fake.addCustomers(SHOP, ids);
    fake.forgetCustomer(SHOP, "c150");
    const publisher = make();
    const first = await publisher.publishShop(SHOP);
    expect(first).toMatchObject({
      customers: 198,
      metafieldsWritten: 197,
      metafieldsRejected: 1,
      metafieldFailures: 0,
    });
    expect(ids.filter((id) => id !== "c150").every((id) => fake.lastDecision(id)?.banner)).toBe(true);
    expect((await findPublishedDecision(t.db, SHOP, "c149"))!.publishedAt).toEqual(NOW);
    expect((await findPublishedDecision(t.db, SHOP, "c150"))!.publishedAt).toBeNull();
    expect(await listPublishErrors(t.db, SHOP)).toEqual([
      { customerId: "c150", reason: "unknown_customer", message: "Owner does not exist.", failedAt: NOW },
    ]);
    expect(errors.join("\n")).toContain("c150");

    // A whole-shop republish neither resends nor re-reports the unknown customer…
    clock = new Date(NOW.getTime() + 3_600_000);
    const second = await publisher.publishShop(SHOP);
    expect(second).toMatchObject({ metafieldsWritten: 0, metafieldsRejected: 0, metafieldsSkipped: 1 });
    expect(fake.refusedMetafields).toHaveLength(1);
    // …but a targeted publish (an order webhook, a storefront visit) tries again and clears the mark once it is written.
    fake.addCustomers(SHOP, ["c150"]);
    expect(await publisher.publishCustomers(SHOP, ["c150"])).toMatchObject({
      metafieldsWritten: 1,
      metafieldsRejected: 0,
    });
    expect(fake.lastDecision("c150").banner).toMatchObject({ campaign: "replenishment" });
    expect(await listPublishErrors(t.db, SHOP)).toEqual([]);
  });

  it("keeps a batch the platform could not take (throttled, down) for the next publish without marking anyone", async () => {
    predictions = ["c1", "c2"].map((id) => prediction({ customerId: id }));
    await enable("replenishment");
    fake.fail.metafields = 1;
    const publisher = make();
    expect(await publisher.publishShop(SHOP)).toMatchObject({
      metafieldsWritten: 0,
      metafieldFailures: 2,
      metafieldsRejected: 0,
    });
    expect(await listPublishErrors(t.db, SHOP)).toEqual([]);
    expect(await publisher.publishShop(SHOP)).toMatchObject({
      metafieldsWritten: 2,
      metafieldFailures: 0,
      metafieldsSkipped: 0,
    });
  });

  it("sends no metafields to a platform whose storefront asks our server: the stored decision is live at once", async () => {
    // The fake registered with Cafe24's storefront delivery (a ScriptTag that asks /decision), for the same shop.
    const scriptFake = Object.create(fake.platform, {
      capabilities: {
        value: { bulkExport: false, storefrontDelivery: "script-asks-server", couponModel: "code-per-customer" },
      },
    });
    platforms = registryOf(t.db, scriptFake);
    predictions = [prediction({ customerId: "c1" })];
    await enable("replenishment");
    const summary = await make().publishShop(SHOP);
    expect(summary).toMatchObject({ customers: 1, banners: 1, metafieldsWritten: 0, metafieldFailures: 0 });
    expect(fake.metafieldCalls).toEqual([]);
    const stored = await findPublishedDecision(t.db, SHOP, "c1");
    expect(stored?.decision.banner).not.toBeNull();
    expect(stored?.publishedAt).not.toBeNull(); // nothing left for the status page to call unpublished
  });

  it("keeps shops apart", async () => {
    predictions = [prediction({ customerId: "c1" })];
    await enable("replenishment");
    await make().publishShop("other.myshopify.com");
    expect(fake.lastDecision("c1").banner).toBeNull(); // the other shop has the preset off
    expect(await findPublishedDecision(t.db, SHOP, "c1")).toBeUndefined();
  });
});
