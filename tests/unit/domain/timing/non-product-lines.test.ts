import { describe, expect, it } from "vitest";
import { fitStoreModel } from "../../../../server/src/domain/timing/fit-store-model.js";
import type { CustomerHistory, PurchaseLine } from "../../../../server/src/domain/timing/history.js";
import { isNonProduct, nonProductSignals } from "../../../../server/src/domain/timing/non-product-lines.js";
import { predictCustomer } from "../../../../server/src/domain/timing/predict-customer.js";
import { toPurchaseDays } from "../../../../server/src/domain/timing/purchase-days.js";
import { NOW, aRegular } from "./builders.js";

const line = (productId: string, title: string, quantity: number): PurchaseLine => ({
  productId,
  variantId: null,
  title,
  quantity,
});

/** Adds `extra` to every order of a customer (a shipping line riding on each order). */
function withLine(h: CustomerHistory, extra: PurchaseLine): CustomerHistory {
  return { ...h, purchases: h.purchases.map((p) => ({ ...p, lines: [...p.lines, extra] })) };
}

// Tea buyers return every 30 days (1 box) or 60 days (2 boxes); every order also carries a shipping line.
function storeWithShipping(shipping: PurchaseLine): CustomerHistory[] {
  return [
    ...Array.from({ length: 30 }, (_, i) => withLine(aRegular(`one${i}`, 30, 4, i % 20, "tea", 1), shipping)),
    ...Array.from({ length: 30 }, (_, i) => withLine(aRegular(`two${i}`, 60, 4, i % 20, "tea", 2), shipping)),
  ];
}

describe("non-product lines", () => {
  it("gives POSTAGE on every order, quantity 1, no cycle and keeps the tea's", () => {
    const model = fitStoreModel(storeWithShipping(line("post", "POSTAGE", 1)), NOW);
    expect(model.productCycles.get("post")).toMatchObject({ cycleDays: null, noCycleReason: "not_a_product" });
    expect(model.productCycles.get("tea")!.cycleDays).toBeGreaterThan(40);
    expect(model.productCycles.get("tea")!.noCycleReason).toBeNull();
    const due = predictCustomer(storeWithShipping(line("post", "POSTAGE", 1))[0], model, NOW).dueProducts;
    expect(due.map((d) => d.productId)).toEqual(["tea"]);
  });

  it("spots a shipping line by its data alone, whatever it is called", () => {
    const model = fitStoreModel(storeWithShipping(line("ship", "Standard", 1)), NOW);
    expect(model.productCycles.get("ship")!.noCycleReason).toBe("not_a_product");
    expect(model.productCycles.get("tea")!.cycleDays).not.toBeNull();
  });

  it("does not call a product a fee for its name alone", () => {
    // Bought on its own, in varying amounts: the word "sample" is only a hint and is outvoted by the data.
    const store = Array.from({ length: 30 }, (_, i) => aRegular(`s${i}`, 30, 4, i % 20, "Sample jar", 1 + (i % 3)));
    expect(fitStoreModel(store, NOW).productCycles.get("Sample jar")!.cycleDays).not.toBeNull();
  });

  it("excludes Online Retail's POSTAGE (1-4 boxes on each order of overseas buyers) but not a carriage clock", () => {
    // Seed-like: wholesale baskets of several lines; every 5th customer is overseas and pays POSTAGE on each order;
    // a clock (whose title says "carriage") is bought now and then, also never alone.
    const histories: CustomerHistory[] = Array.from({ length: 40 }, (_, c) => ({
      customerId: `w${c}`,
      purchases: Array.from({ length: 5 }, (_, k) => ({
        at: new Date(NOW.getTime() - (200 - k * 35 - (c % 7)) * 86_400_000),
        amount: 150,
        lines: [
          line("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6 * (1 + ((c + k) % 4))),
          line(`other${(c * 5 + k) % 13}`, "ASSORTED COLOUR BIRD ORNAMENT", 8),
          ...((c + k) % 4 === 0 ? [line("85168B", "BLACK BAROQUE CARRIAGE CLOCK", 1 + (c % 2))] : []),
          ...(c % 5 === 0 ? [line("POST", "POSTAGE", 1 + ((c + k) % 4))] : []),
        ],
      })),
    }));
    const signals = nonProductSignals(histories.map(toPurchaseDays));
    expect(isNonProduct(signals.get("POST")!)).toBe(true);
    expect(isNonProduct(signals.get("85123A")!)).toBe(false);
    expect(isNonProduct(signals.get("85168B")!)).toBe(false);
    const model = fitStoreModel(histories, NOW);
    expect(model.productCycles.get("POST")!.noCycleReason).toBe("not_a_product");
    expect(model.productCycles.get("85123A")!.cycleDays).not.toBeNull();
  });

  it("lets the merchant override the data either way, by id or by title", () => {
    const store = storeWithShipping(line("post", "POSTAGE", 1));
    const model = fitStoreModel(store, NOW, { productOverrides: { nonProduct: ["TEA"], product: ["post"] } });
    expect(model.productCycles.get("tea")).toMatchObject({ cycleDays: null, noCycleReason: "not_a_product" });
    expect(model.productCycles.get("post")!.cycleDays).not.toBeNull();
  });
});

describe("products without enough repeat evidence", () => {
  it("says why: too few repeats, or bought again by almost none of many buyers", () => {
    const pans = Array.from({ length: 60 }, (_, i) => aRegular(`p${i}`, 169, i < 2 ? 3 : 1, i % 30, "pan"));
    const model = fitStoreModel(pans, NOW);
    expect(model.productCycles.get("pan")).toMatchObject({ cycleDays: null, noCycleReason: "rarely_rebought" });
    const few = fitStoreModel([aRegular("k", 30, 2, 3, "kettle"), ...pans], NOW);
    expect(few.productCycles.get("kettle")!.noCycleReason).toBe("too_few_repeats");
  });
});
