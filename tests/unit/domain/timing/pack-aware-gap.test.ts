// A customer's next gap moved by the units of their last order (pack-retention.ts packAwarePosterior): after a
// two-pack the next order comes about twice as late, and the customer's predicted gap says so. Checked on a generated
// store whose two-pack gaps are known to run twice as long (the generator's units × personal cycle).
import { describe, expect, it } from "vitest";
import { generateStore } from "../../../../server/src/domain/synthetic/generate-store.js";
import { regimeNamed } from "../../../../server/src/domain/synthetic/regimes.js";
import { customerTiming } from "../../../../server/src/domain/timing/customer-timing.js";
import { DAY_MS } from "../../../../server/src/domain/timing/days.js";
import { fitStoreModelFromDays } from "../../../../server/src/domain/timing/fit-store-model.js";
import { gapCdf } from "../../../../server/src/domain/timing/gap-model.js";
import { unitsOf } from "../../../../server/src/domain/timing/purchase-days.js";

describe("pack-aware next gap", () => {
  // Each reorder's level in the customer's predicted gap given the silence at the cutoff (what a stated window reads):
  // past the 90th percentile after a two-pack 31 % on the plain posterior (gaps as they are; one unit: 4 %), now
  // 10 % (one unit: 6 %). Fails on the plain posterior.
  it("puts the next order after a two-pack past its predicted 90th percentile about as often as after one unit", () => {
    const regime = regimeNamed("monthly-beauty")!;
    const store = generateStore(regime, 4, 3000);
    const cutDay = store.startDay + 600;
    const histories = store.customers.map((c) => c.days.filter((d) => d.day < cutDay)).filter((d) => d.length > 1);
    const model = fitStoreModelFromDays(histories, new Date(cutDay * DAY_MS), { calibrate: false });
    expect(model.packElasticity).toBeGreaterThan(0.5);
    const late = { 1: { n: 0, after: 0 }, 2: { n: 0, after: 0 } };
    for (const c of store.customers) {
      const before = c.days.filter((d) => d.day < cutDay);
      const next = c.days.find((d) => d.day >= cutDay);
      if (before.length < 2 || !next) continue;
      const last = before[before.length - 1];
      const cls = late[unitsOf(last) as 1 | 2];
      const t = customerTiming(before, model, cutDay);
      cls.n++;
      const atCut = gapCdf(t.predictive, cutDay - last.day);
      if ((gapCdf(t.predictive, next.day - last.day) - atCut) / (1 - atCut) > 0.9) cls.after++;
    }
    const share = (c: { n: number; after: number }) => c.after / c.n;
    expect(late[2].n).toBeGreaterThan(100);
    expect(share(late[2])).toBeLessThan(0.2);
    expect(Math.abs(share(late[2]) - share(late[1]))).toBeLessThan(0.08);
  });
});
