import { describe, expect, it } from "vitest";
import { fitStoreModel } from "../../../../server/src/domain/timing/fit-store-model.js";
import { predictCustomer } from "../../../../server/src/domain/timing/predict-customer.js";
import { ValidationError } from "../../../../server/src/domain/shared/errors.js";
import { NOW, aPurchase, aRegular, aStore } from "./builders.js";

const model = fitStoreModel(aStore(), NOW);
const days = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 86_400_000;

describe("predictCustomer", () => {
  it("gives a one-order customer a window from the norm of what they bought", () => {
    const coffee = predictCustomer({ customerId: "n1", purchases: [aPurchase(3, "coffee")] }, model, NOW);
    const shampoo = predictCustomer({ customerId: "n2", purchases: [aPurchase(3, "shampoo")] }, model, NOW);
    const cw = coffee.dueWindow!;
    expect(days(coffee.lastOrderAt, cw.early)).toBeLessThan(days(coffee.lastOrderAt, cw.likely));
    expect(days(coffee.lastOrderAt, cw.likely)).toBeLessThan(days(coffee.lastOrderAt, cw.late));
    expect(coffee.cycleDays!).toBeGreaterThan(14);
    expect(coffee.cycleDays!).toBeLessThan(35);
    expect(shampoo.cycleDays!).toBeGreaterThan(1.8 * coffee.cycleDays!);
    expect(coffee.segment.key).toBe("first:active");
    expect(coffee.reason.en).toMatch(
      /^First order 3 days ago\. Similar shoppers reorder after about \d+ days: not due yet\.$/,
    );
  });

  it("follows a regular buyer's own rhythm and explains it in English and Korean", () => {
    const p = predictCustomer(aRegular("r", 21, 8, 33), model, NOW);
    expect(p.cycleDays!).toBeGreaterThan(19);
    expect(p.cycleDays!).toBeLessThan(23);
    // Not expected within 90 days (the outlook), so the line says how unlikely rather than stopping at "late".
    expect(p.nextOrder?.window).toBeNull();
    expect(p.reason.en).toMatch(
      /^Buys about every (20|21|22) days[^.]*\. Last order 33 days ago: later than usual, and an order within 90 days is unlikely \(\d+%\)\.$/,
    );
    expect(p.reason.ko).toMatch(
      /^보통 (20|21|22)일쯤마다 구매해요[^.]*\. 마지막 주문 후 33일이 지났고, 평소보다 늦어지고 있어요\. 90일 안에 주문할 가능성도 낮아요\(\d+%\)\.$/,
    );
    // Churn risk is 1 − P(active): 12 days past a steady 21-day rhythm, most such customers have stopped.
    expect(p.churnRisk).toBeGreaterThan(0.75);
    expect(p.churnRisk).toBeCloseTo(1 - p.pActive!, 12);
    expect(p.segment.key).toBe("repeat:at_risk");
  });

  it("rates silence against the customer's own cycle", () => {
    const fast = predictCustomer(aRegular("f", 14, 6, 40), model, NOW);
    const slow = predictCustomer(aRegular("s", 60, 6, 40), model, NOW);
    expect(fast.churnRisk).toBeGreaterThan(slow.churnRisk + 0.3);
    expect(fast.pActive!).toBeLessThan(slow.pActive!);
  });

  it("uses visits for the grid when there are any", () => {
    const p = predictCustomer(aRegular("v", 21, 5, 5), model, NOW, {
      lastVisitAt: new Date(NOW.getTime() - 86_400_000),
    });
    expect(p.segment.key).toBe("repeat:core_active");
    expect(p.rfm.recency).toBeGreaterThanOrEqual(4);
  });

  it("returns finite money and probabilities", () => {
    const p = predictCustomer(aRegular("m", 21, 5, 5), model, NOW);
    for (const v of [p.clv, p.pAlive, p.expectedOrders90d, p.averageOrderValue]) expect(Number.isFinite(v)).toBe(true);
    expect(p.expectedOrders90d).toBeGreaterThan(1.5);
    expect(p.averageOrderValue).toBe(20);
  });

  it.each([
    ["an empty history", { customerId: "e", purchases: [] }, /Empty order history/],
    ["a NaN amount", { customerId: "e", purchases: [{ ...aPurchase(1), amount: NaN }] }, /amount/],
    ["a negative amount", { customerId: "e", purchases: [{ ...aPurchase(1), amount: -5 }] }, /Negative/],
    ["a future date", { customerId: "e", purchases: [aPurchase(-2)] }, /future/],
    [
      "10,000 orders",
      { customerId: "e", purchases: Array.from({ length: 10_000 }, (_, i) => aPurchase(i % 300)) },
      /10000 orders/,
    ],
  ])("rejects %s with a ValidationError", (_name, history, message) => {
    expect(() => predictCustomer(history, model, NOW)).toThrow(ValidationError);
    expect(() => predictCustomer(history, model, NOW)).toThrow(message);
    expect(() => fitStoreModel([...aStore(), history], NOW)).toThrow(ValidationError);
  });
});
