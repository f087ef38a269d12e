import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createFakePlatform } from "../helpers/fake-platform.js";
import { installedOn } from "../helpers/platforms.js";
import { DAY, NOW, prediction, SHOP } from "../unit/domain/campaigns/fixtures.js";
import { createDecisionPublisher } from "../../server/src/services/decision-publisher.service.js";
import { createCampaignService } from "../../server/src/services/campaign.service.js";
import { createCampaignResultsService } from "../../server/src/services/campaign-results.service.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { findPublishedDecision } from "../../server/src/db/repositories/decision.repository.js";
import { assignArm, HOLDOUT_ARM } from "../../server/src/domain/experiments/arms.js";
import type { PlatformRegistry } from "../../server/src/platforms/registry.js";

const ids = Array.from({ length: 120 }, (_, i) => `c${i}`);
const B_TITLE = { en: "Running low on {product}?", ko: "{product} 떨어질 때가 됐어요" };
const variantB = {
  id: "b",
  content: {
    title: B_TITLE,
    body: { en: "Your usual is ready.", ko: "늘 사던 상품이 준비됐어요." },
    cta: { en: "Order again", ko: "다시 주문" },
  },
  imageUrl: "https://cdn.example.com/b.png",
};
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const order = (id: string, customerId: string, days: number, total: number, refunded = 0) => ({
  id,
  customerId,
  processedAt: at(days),
  updatedAt: at(days),
  cancelledAt: null,
  test: false,
  totalPrice: total,
  refundedTotal: refunded,
  currency: "KRW",
  discountCodes: [],
  lines: [],
});

describe.each(DB_KINDS)("A/B/n variants on %s", (kind) => {
  let t: TestDb;
  let platforms: PlatformRegistry;
  let clock: Date;
  const arm = (id: string, winner: string | null = null) =>
    assignArm(
      SHOP,
      "replenishment",
      id,
      0.2,
      [
        { id: "a", weight: 1 },
        { id: "b", weight: 1 },
      ],
      winner,
    );
  const campaigns = () => createCampaignService({ db: t.db, now: () => clock });
  const publish = () =>
    createDecisionPublisher({
      db: t.db,
      platforms,
      loadPredictions: async (_s, only) =>
        ids.filter((id) => !only || only.includes(id)).map((customerId) => prediction({ customerId })),
      now: () => clock,
      log: () => {},
    }).publishShop(SHOP);
  const bannerOf = async (id: string) => (await findPublishedDecision(t.db, SHOP, id))!.decision.banner;

  beforeEach(async () => {
    t = await createTestDb(kind);
    const fake = createFakePlatform();
    fake.install(SHOP, { customers: ids });
    platforms = await installedOn(t.db, fake.platform, [SHOP]);
    clock = NOW;
    await campaigns().update(SHOP, "replenishment", { enabled: true, holdoutShare: 0.2 });
    await campaigns().saveVariants(SHOP, "replenishment", { variants: [variantB] });
  });
  afterEach(async () => {
    await t.destroy();
  });

  it("serves each customer their stable arm's content and records the arm", async () => {
    await publish();
    const seen = new Set<string>();
    for (const id of ids) {
      const banner = await bannerOf(id);
      const expected = arm(id);
      seen.add(expected);
      if (expected === HOLDOUT_ARM) expect(banner).toBeNull();
      else expect(banner).toMatchObject({ variant: expected });
      if (expected === "b")
        expect(banner).toMatchObject({ imageUrl: variantB.imageUrl, title: { en: "Running low on Coffee beans?" } });
      if (expected === "a") expect(banner!.title.en).toBe("Time to restock Coffee beans?");
    }
    expect(seen).toEqual(new Set([HOLDOUT_ARM, "a", "b"]));
    const rows = await t.db.selectFrom("experiment_assignments").selectAll().where("shop_domain", "=", SHOP).execute();
    expect(rows).toHaveLength(ids.length);
    for (const r of rows) expect(r.arm).toBe(arm(r.customer_id));
  });

  it("attributes orders within 14 days of the latest decision, with revenue net of refunds, per arm", async () => {
    await publish();
    const a = ids.find((id) => arm(id) === "a")!;
    const b = ids.find((id) => arm(id) === "b")!;
    const held = ids.filter((id) => arm(id) === HOLDOUT_ARM);
    await upsertOrders(t.db, SHOP, [
      order("o1", a, 2, 10_000),
      order("o2", b, 3, 20_000, 5_000),
      order("o3", held[0], 5, 7_000),
      order("o4", held[1], 20, 9_000), // 20 days after its only decision: outside the window
      order("o5", a, -1, 3_000), // before the customer was assigned
    ]);
    clock = at(25);
    const results = await createCampaignResultsService({ db: t.db, now: () => clock }).results(SHOP, "replenishment");
    const byArm = new Map(results.experiment!.arms.map((x) => [x.arm, x]));
    expect(byArm.get("a")).toMatchObject({ orders: 1, converters: 1, revenue: 10_000 });
    expect(byArm.get("b")).toMatchObject({ orders: 1, converters: 1, revenue: 15_000 });
    expect(byArm.get(HOLDOUT_ARM)).toMatchObject({ orders: 1, revenue: 7_000, assigned: held.length });
    expect([...byArm.values()].reduce((n, x) => n + x.assigned, 0)).toBe(ids.length);
    expect(results.experiment!.attributionDays).toBe(14);
    // 120 customers: too little data, so no lift is printed.
    expect(results.experiment!.analysis.comparisons.every((c) => c.status === "too_little_data")).toBe(true);
    // The card counts this calendar month's orders (the 29th of November: o1, o2 treated; o3 held out).
    clock = at(7);
    const earnings = await createCampaignResultsService({ db: t.db, now: () => clock }).earnings(SHOP);
    expect(earnings).toMatchObject({ attributedRevenue: 25_000, incremental: null });
  });

  it("'make this the winner' sends every treated customer the winner and keeps the holdout", async () => {
    await publish();
    await campaigns().chooseWinner(SHOP, "replenishment", "b");
    clock = at(1);
    await publish();
    for (const id of ids) {
      const banner = await bannerOf(id);
      if (arm(id) === HOLDOUT_ARM) expect(banner).toBeNull();
      else expect(banner).toMatchObject({ variant: "b" });
    }
    const rows = await t.db.selectFrom("experiment_assignments").selectAll().where("shop_domain", "=", SHOP).execute();
    // Intent to treat: the first arm stays, the latest moves to the winner.
    for (const r of rows) {
      expect(r.arm).toBe(arm(r.customer_id));
      expect(r.last_arm).toBe(arm(r.customer_id) === HOLDOUT_ARM ? HOLDOUT_ARM : "b");
    }
    expect((await campaigns().get(SHOP, "replenishment")).experiment).toMatchObject({ winner: "b" });
  });

  it("refuses an unknown winner and an image that is not https", async () => {
    await expect(campaigns().chooseWinner(SHOP, "replenishment", "z")).rejects.toThrow(/Unknown variant/);
    await expect(
      campaigns().saveVariants(SHOP, "replenishment", {
        variants: [{ ...variantB, imageUrl: "javascript:alert(1)" }],
      }),
    ).rejects.toThrow(/https/);
  });
});
