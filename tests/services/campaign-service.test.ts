import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { NOW, prediction, SHOP } from "../unit/domain/campaigns/fixtures.js";
import { createCampaignService } from "../../server/src/services/campaign.service.js";
import { createCampaignPreviewService, PREVIEW_CODE } from "../../server/src/services/campaign-preview.service.js";
import { createStorefrontService } from "../../server/src/services/storefront.service.js";
import { listCustomerEventFacts } from "../../server/src/db/repositories/campaign-event.repository.js";
import { AppError } from "../../server/src/domain/shared/errors.js";

describe("campaign service", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.destroy();
  });

  it("lists the five presets, off, with a 10% holdout and en/ko text", async () => {
    const list = await createCampaignService({ db: t.db }).list(SHOP);
    expect(list.map((c) => c.key)).toEqual([
      "replenishment",
      "coupon_expiry",
      "first_purchase",
      "win_back",
      "vip_thanks",
    ]);
    for (const c of list) {
      expect(c.enabled).toBe(false);
      expect(c.holdoutShare).toBe(0.1);
      expect(c.content.title.en && c.content.title.ko).toBeTruthy();
    }
  });

  it("applies a valid edit, keeps other fields, and asks for a republish only on change", async () => {
    const changed: string[] = [];
    const service = createCampaignService({ db: t.db, now: () => NOW, onChanged: async (shop) => changed.push(shop) });
    const next = await service.update(SHOP, "vip_thanks", {
      enabled: true,
      content: { title: { en: "Thanks {first_name}", ko: "감사해요 {first_name}님" } },
    });
    expect(next.enabled).toBe(true);
    expect(next.content.body.en).toContain("most loyal");
    expect((await service.get(SHOP, "vip_thanks")).content.title.en).toBe("Thanks {first_name}");
    await service.update(SHOP, "vip_thanks", { enabled: true });
    expect(changed).toEqual([SHOP]);
    expect((await service.get("other.myshopify.com", "vip_thanks")).enabled).toBe(false);
  });

  it.each([
    [{ holdoutShare: 0.9 }],
    [{ cap: { maxImpressions: 0, perDays: 7 } }],
    [{ content: { title: { en: "", ko: "x" } } }],
    [{ settings: { ctaPath: "https://evil.example" } }],
    [{ settings: { ctaPath: "//evil.example" } }],
    [{ segment: { lifecycles: ["vip"], purchaseStates: [], rfmGroups: [] } }],
    [{ surprise: true }],
    [{ settings: { minDaysAfterFirstOrder: 5, maxDaysAfterFirstOrder: 2 } }],
  ])("rejects %j with InvalidInput and stores nothing", async (patch) => {
    const service = createCampaignService({ db: t.db });
    const before = await service.get(SHOP, "first_purchase");
    const err = await service.update(SHOP, "first_purchase", patch).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("InvalidInput");
    expect(await service.get(SHOP, "first_purchase")).toEqual(before);
  });

  it("answers NotFound for an unknown campaign", async () => {
    await expect(createCampaignService({ db: t.db }).update(SHOP, "spam", {})).rejects.toMatchObject({
      code: "NotFound",
    });
  });

  it("previews with sample values, or for a real customer ignoring holdout and issuing nothing", async () => {
    const preview = createCampaignPreviewService({
      db: t.db,
      now: () => NOW,
      loadPredictions: async () => [
        prediction({
          customerId: "c1",
          lastOrderAt: new Date(NOW.getTime() - 60 * 86_400_000),
          dueWindow: { early: NOW, likely: NOW, late: new Date(NOW.getTime() - 86_400_000) },
        }),
      ],
    });
    const sample = await preview.preview(SHOP, "win_back");
    expect(sample.banner!.body.en).toContain(PREVIEW_CODE);
    const real = await preview.preview(SHOP, "win_back", { customerId: "c1" });
    expect(real.banner!.coupon!.code).toBe(PREVIEW_CODE);
    expect(real.verdict!.outcome).toBe("shown");
    const notDue = await preview.preview(SHOP, "first_purchase", { customerId: "c1" });
    expect(notDue.banner).toBeNull();
    expect(notDue.verdict!.outcome).toBe("not_targeted");
  });
});

describe("storefront service", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.destroy();
  });

  it("gives guests and unknown customers the empty decision", async () => {
    const s = createStorefrontService({ db: t.db, now: () => NOW });
    expect(await s.decisionFor(SHOP, null)).toEqual({
      version: 1,
      customerId: "",
      banner: null,
      notice: null,
      decidedAt: NOW.toISOString(),
    });
    expect((await s.decisionFor(SHOP, "404")).banner).toBeNull();
  });

  it("stores valid events, republishes after a dismissal, and rejects bad ones", async () => {
    const changed: string[] = [];
    const s = createStorefrontService({
      db: t.db,
      now: () => NOW,
      onCustomerChanged: async (_shop, id) => changed.push(id),
    });
    await s.recordEvent(SHOP, "c9", { kind: "impression", campaign: "vip_thanks" });
    await s.recordEvent(SHOP, "c9", { kind: "dismiss", campaign: "vip_thanks" });
    expect(changed).toEqual(["c9"]);
    for (const bad of [
      { kind: "purchase", campaign: "vip_thanks" },
      { kind: "click", campaign: "nope" },
      { kind: "click" },
      { kind: "click", campaign: "vip_thanks", customer_id: "1" },
      "x",
    ]) {
      await expect(s.recordEvent(SHOP, "c9", bad)).rejects.toMatchObject({ code: "InvalidInput" });
    }
    expect(
      (await listCustomerEventFacts(t.db, SHOP, ["c9"]))
        .get("c9")!
        .map((e) => e.kind)
        .sort(),
    ).toEqual(["dismiss", "impression"]);
  });
});
