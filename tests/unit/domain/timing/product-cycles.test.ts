import { describe, expect, it } from "vitest";
import { fitStoreModel } from "../../../../server/src/domain/timing/fit-store-model.js";
import { predictCustomer } from "../../../../server/src/domain/timing/predict-customer.js";
import { NOW, aRegular } from "./builders.js";

describe("per-product replenishment cycles", () => {
  // Half the tea buyers take 1 box and return every 30 days, half take 2 boxes and return every 60.
  const store = [
    ...Array.from({ length: 30 }, (_, i) => aRegular(`one${i}`, 30, 4, i % 20, "tea", 1)),
    ...Array.from({ length: 30 }, (_, i) => aRegular(`two${i}`, 60, 4, i % 20, "tea", 2)),
  ];
  const model = fitStoreModel(store, NOW);

  it("learns one quantity-adjusted cycle from repeat purchases of the same product", () => {
    const tea = model.productCycles.get("tea")!;
    expect(tea.typicalQuantity).toBe(1.5);
    expect(tea.cycleDays!).toBeGreaterThan(42);
    expect(tea.cycleDays!).toBeLessThan(48);
    expect(tea.repeatPairs).toBe(60 * 3);
  });

  it("scales a customer's due product by the quantity they bought", () => {
    const one = predictCustomer(aRegular("x1", 30, 1, 5, "tea", 1), model, NOW).dueProducts[0];
    const two = predictCustomer(aRegular("x2", 30, 1, 5, "tea", 2), model, NOW).dueProducts[0];
    expect(one.cycleDays).toBeCloseTo(30, 0);
    expect(two.cycleDays).toBeCloseTo(60, 0);
    expect(two.dueAt.getTime()).toBeGreaterThan(one.dueAt.getTime());
  });

  it("has no cycle for a product nobody bought twice", () => {
    const m = fitStoreModel([...store, aRegular("once", 30, 1, 3, "kettle")], NOW);
    expect(m.productCycles.get("kettle")!.cycleDays).toBeNull();
  });
});
