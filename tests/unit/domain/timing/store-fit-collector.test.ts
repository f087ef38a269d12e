import { describe, expect, it } from "vitest";
import { generateStore } from "../../../../server/src/domain/synthetic/generate-store.js";
import { REGIMES } from "../../../../server/src/domain/synthetic/regimes.js";
import { DAY_MS } from "../../../../server/src/domain/timing/days.js";
import { evenSample, fitStoreModel } from "../../../../server/src/domain/timing/fit-store-model.js";
import { createStoreFitCollector, evenPicker } from "../../../../server/src/domain/timing/store-fit-collector.js";
import { ValidationError } from "../../../../server/src/domain/shared/errors.js";
import { asHistory } from "./as-history.js";

function regimeHistories(regime: (typeof REGIMES)[number], customers: number) {
  const store = generateStore(regime, 7, customers);
  const cutDay = store.startDay + regime.cutoffs[regime.cutoffs.length - 1];
  const histories = store.customers
    .map((c, i) =>
      asHistory(
        `c${String(i).padStart(6, "0")}`,
        c.days.filter((d) => d.day < cutDay),
      ),
    )
    .filter((h) => h.purchases.length > 0);
  return { histories, now: new Date(cutDay * DAY_MS) };
}

describe("store fit fed one customer at a time", () => {
  it.each(REGIMES.map((r) => [r.name, r] as const))("fits the same model as the whole-list fit on %s", (_, regime) => {
    const { histories, now } = regimeHistories(regime, 600);
    const collector = createStoreFitCollector(histories.length, now);
    for (const h of histories) collector.add(h);
    expect(collector.finish()).toEqual(fitStoreModel(histories, now));
  });

  it("draws the same even sample as evenSample, without holding the list", () => {
    for (const [total, size] of [
      [1000, 37],
      [10_001, 10_000],
      [5, 10],
      [200_000 * 3 + 7, 200_000],
    ]) {
      const picker = evenPicker(total, size);
      const picked = Array.from({ length: total }, (_, i) => i).filter((i) => picker(i));
      expect(picked).toEqual(
        evenSample(
          Array.from({ length: total }, (_, i) => i),
          size,
        ),
      );
    }
  });

  it("refuses a bad history as it arrives and an empty store at the end", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const collector = createStoreFitCollector(1, now);
    const future = { customerId: "f", purchases: [{ at: new Date("2027-01-01T00:00:00Z"), amount: 5, lines: [] }] };
    expect(() => collector.add(future)).toThrow(ValidationError);
    expect(() => createStoreFitCollector(0, now).finish()).toThrow(ValidationError);
  });
});
