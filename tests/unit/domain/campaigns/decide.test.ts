import { describe, expect, it } from "vitest";
import { decide } from "../../../../server/src/domain/campaigns/decide.js";
import type { CustomerCoupon } from "../../../../server/src/domain/campaigns/decision-input.js";
import { campaigns, customerOnSide, daysAgo, input, NOW, prediction, SHOP } from "./fixtures.js";

const coupon = (over: Partial<CustomerCoupon> = {}): CustomerCoupon => ({
  code: "DG-WB-7Q2K",
  campaign: "win_back",
  occasion: daysAgo(60).toISOString(),
  percentOff: 0.15,
  issuedAt: daysAgo(10),
  expiresAt: new Date(NOW.getTime() + 3 * 86_400_000),
  usedAt: null,
  ...over,
});

describe("decide: replenishment", () => {
  it("shows a due product with a one-click cart permalink and the customer's name", () => {
    const r = decide(input());
    expect(r.decision.banner).toMatchObject({
      campaign: "replenishment",
      title: { en: "Time to restock Coffee beans?" },
      ctaUrl: "/cart/4711:1",
      coupon: null,
    });
    expect(r.decision.banner!.body.ko).toContain("Mina님");
    expect(r.decision.notice).toBeNull();
    expect(r.assignments).toEqual([{ campaign: "replenishment", holdout: false, arm: "a" }]);
    expect(r.verdicts.find((v) => v.campaign === "replenishment")!.outcome).toBe("shown");
  });

  it("stays silent when nothing is due soon, and says why", () => {
    const r = decide(
      input({
        prediction: prediction({
          dueProducts: [{ productId: "p", variantId: null, title: "Tea", dueAt: daysAgo(-20), cycleDays: 30 }],
        }),
      }),
    );
    expect(r.decision.banner).toBeNull();
    expect(r.verdicts.find((v) => v.campaign === "replenishment")).toMatchObject({ outcome: "not_eligible" });
  });

  it("is off when the campaign is disabled", () => {
    const r = decide(input({ campaigns: campaigns([]) }));
    expect(r.decision.banner).toBeNull();
    expect(r.verdicts.every((v) => v.outcome === "disabled")).toBe(true);
  });
});

describe("decide: holdout, caps, dismissal", () => {
  it("keeps a holdout customer out of the banner but records the assignment", () => {
    const id = customerOnSide("replenishment", 0.1, true);
    const r = decide(
      input({
        customer: { id, firstName: "A" },
        campaigns: campaigns(["replenishment"], (c) => (c.holdoutShare = 0.1)),
      }),
    );
    expect(r.decision.banner).toBeNull();
    expect(r.assignments).toEqual([{ campaign: "replenishment", holdout: true, arm: "holdout" }]);
  });

  it("shows the banner to a treatment customer under the same holdout share", () => {
    const id = customerOnSide("replenishment", 0.1, false);
    const r = decide(
      input({
        customer: { id, firstName: "A" },
        campaigns: campaigns(["replenishment"], (c) => (c.holdoutShare = 0.1)),
      }),
    );
    expect(r.decision.banner?.campaign).toBe("replenishment");
    expect(r.decision.customerId).toBe(id);
  });

  it("never shows a campaign again after the customer dismissed it", () => {
    const r = decide(input({ events: [{ kind: "dismiss", campaign: "replenishment", occurredAt: daysAgo(1) }] }));
    expect(r.decision.banner).toBeNull();
    expect(r.verdicts[0]).toBeDefined();
    expect(r.verdicts.find((v) => v.campaign === "replenishment")!.outcome).toBe("dismissed");
  });

  it("never shows a campaign again after a conversion on it", () => {
    const r = decide(input({ events: [{ kind: "conversion", campaign: "replenishment", occurredAt: daysAgo(1) }] }));
    expect(r.verdicts.find((v) => v.campaign === "replenishment")!.outcome).toBe("converted");
  });

  it("shares one impression budget across campaigns", () => {
    const events = Array.from({ length: 10 }, (_, i) => ({
      kind: "impression" as const,
      campaign: "vip_thanks",
      occurredAt: daysAgo(i * 0.5),
    }));
    const r = decide(input({ events }));
    expect(r.decision.banner).toBeNull();
    expect(r.verdicts.find((v) => v.campaign === "replenishment")!.outcome).toBe("capped");
    const older = events.map((e) => ({ ...e, occurredAt: daysAgo(8) }));
    expect(decide(input({ events: older })).decision.banner?.campaign).toBe("replenishment");
  });
});

describe("decide: coupons", () => {
  const overdue = prediction({
    lastOrderAt: daysAgo(60),
    dueWindow: { early: daysAgo(40), likely: daysAgo(30), late: daysAgo(20) },
    dueProducts: [],
  });

  it("asks for a win-back code for an overdue customer before showing the banner", () => {
    const r = decide(input({ prediction: overdue, campaigns: campaigns(["win_back"]) }));
    expect(r.decision.banner).toBeNull();
    expect(r.couponNeeds).toEqual([
      { campaign: "win_back", occasion: daysAgo(60).toISOString(), percentOff: 0.15, validDays: 14 },
    ]);
  });

  it("shows the win-back banner with the issued code, and the expiry notice with a countdown", () => {
    const r = decide(
      input({ prediction: overdue, coupons: [coupon()], campaigns: campaigns(["win_back", "coupon_expiry"]) }),
    );
    expect(r.couponNeeds).toEqual([]);
    expect(r.decision.banner).toMatchObject({ campaign: "win_back", coupon: { code: "DG-WB-7Q2K" } });
    expect(r.decision.banner!.body.en).toContain("15% off with your personal code DG-WB-7Q2K");
    expect(r.decision.banner!.ctaUrl).toBe("/discount/DG-WB-7Q2K?redirect=%2Fcollections%2Fall");
    expect(r.decision.notice).toMatchObject({ campaign: "coupon_expiry", coupon: { code: "DG-WB-7Q2K" } });
    expect(r.decision.notice!.text.en).toContain("expires in 3 days");
  });

  it("does not re-issue once this occasion's code was used or expired", () => {
    const used = coupon({ usedAt: daysAgo(1) });
    const r = decide(input({ prediction: overdue, coupons: [used], campaigns: campaigns(["win_back"]) }));
    expect(r.couponNeeds).toEqual([]);
    expect(r.decision.banner).toBeNull();
  });

  it("never asks for a code for a holdout customer", () => {
    const id = customerOnSide("win_back", 0.5, true);
    const r = decide(
      input({
        customer: { id, firstName: null },
        prediction: overdue,
        campaigns: campaigns(["win_back"], (c) => (c.holdoutShare = 0.5)),
      }),
    );
    expect(r.couponNeeds).toEqual([]);
    expect(r.assignments).toEqual([{ campaign: "win_back", holdout: true, arm: "holdout" }]);
  });

  it("skips the expiry notice for codes far from expiry or already used", () => {
    const far = coupon({ expiresAt: new Date(NOW.getTime() + 20 * 86_400_000) });
    expect(decide(input({ coupons: [far], campaigns: campaigns(["coupon_expiry"]) })).decision.notice).toBeNull();
    expect(
      decide(input({ coupons: [coupon({ usedAt: daysAgo(1) })], campaigns: campaigns(["coupon_expiry"]) })).decision
        .notice,
    ).toBeNull();
  });
});

describe("decide: priorities and targeting", () => {
  it("lets the higher-priority campaign take the banner slot", () => {
    const both = prediction({ rfm: { recency: 5, frequency: 5, monetary: 5, group: "Champions" } });
    const r = decide(input({ prediction: both, campaigns: campaigns(["replenishment", "vip_thanks"]) }));
    expect(r.decision.banner?.campaign).toBe("replenishment");
    expect(r.verdicts.find((v) => v.campaign === "vip_thanks")!.outcome).toBe("outranked");
    const flipped = campaigns(["replenishment", "vip_thanks"], (c) => {
      if (c.key === "vip_thanks") c.priority = 99;
    });
    expect(decide(input({ prediction: both, campaigns: flipped })).decision.banner?.campaign).toBe("vip_thanks");
  });

  it("shows the VIP thank-you only to the top RFM group", () => {
    const vip = campaigns(["vip_thanks"]);
    expect(decide(input({ campaigns: vip })).decision.banner).toBeNull();
    const champion = prediction({ rfm: { recency: 5, frequency: 5, monetary: 5, group: "Champions" } });
    expect(decide(input({ prediction: champion, campaigns: vip })).decision.banner?.title.en).toBe("Thank you, Mina");
  });

  it("offers the second-purchase incentive only within days 0–3 after a first order", () => {
    const first = (days: number) =>
      prediction({
        orderCount: 1,
        firstOrderAt: daysAgo(days),
        lastOrderAt: daysAgo(days),
        segment: { lifecycle: "first", purchase: "active", visit: "unknown", key: "first:active" },
      });
    expect(decide(input({ prediction: first(1), campaigns: campaigns(["first_purchase"]) })).couponNeeds).toHaveLength(
      1,
    );
    expect(decide(input({ prediction: first(5), campaigns: campaigns(["first_purchase"]) })).couponNeeds).toHaveLength(
      0,
    );
  });

  it("is deterministic for the same input", () => {
    expect(decide(input({ shop: SHOP }))).toEqual(decide(input({ shop: SHOP })));
  });
});
