import { describe, expect, it } from "vitest";
import { attributeOrders } from "../../../../server/src/domain/experiments/attribution-window.js";
import { summarizeArms } from "../../../../server/src/domain/experiments/arm-summary.js";

const day = (d: number) => new Date(Date.UTC(2026, 10, 1) + d * 86_400_000);
const order = (id: string, customerId: string, d: number, revenue: number) => ({
  orderId: id,
  customerId,
  processedAt: day(d),
  revenue,
});

describe("attributeOrders (14-day window after the latest assignment)", () => {
  const spans = [
    { customerId: "c1", arm: "a", firstAt: day(0), lastAt: day(3) },
    { customerId: "c2", arm: "holdout", firstAt: day(0), lastAt: day(0) },
    { customerId: "c3", arm: "b", firstAt: day(5), lastAt: day(5) },
  ];

  it("counts orders from the first assignment until 14 days after the last, in both arms", () => {
    const out = attributeOrders(spans, [
      order("o1", "c1", 17, 100), // 14 days after the last assignment: counts
      order("o2", "c1", 17.5, 50), // 14.5 days: too late
      order("o3", "c2", 2, 70), // holdout customers convert too
      order("o4", "c3", 4, 30), // before the customer was assigned
      order("o5", "c9", 4, 30), // never assigned
    ]);
    expect(out).toEqual([
      { customerId: "c1", arm: "a", orders: 1, revenue: 100 },
      { customerId: "c2", arm: "holdout", orders: 1, revenue: 70 },
      { customerId: "c3", arm: "b", orders: 0, revenue: 0 },
    ]);
    const arms = summarizeArms(["holdout", "a", "b"], out, new Map([["a", { impressions: 4, clicks: 1 }]]));
    expect(arms.find((a) => a.arm === "a")).toMatchObject({ assigned: 1, converters: 1, revenue: 100, impressions: 4 });
    expect(arms.find((a) => a.arm === "b")).toMatchObject({ assigned: 1, converters: 0, revenue: 0 });
  });
});
