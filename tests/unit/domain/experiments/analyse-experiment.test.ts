import { describe, expect, it } from "vitest";
import { analyseExperiment } from "../../../../server/src/domain/experiments/analyse-experiment.js";
import { emptyArm } from "../../../../server/src/domain/experiments/arm-summary.js";

const arm = (name: string, assigned: number, converters: number, orderValue = 40_000) => ({
  ...emptyArm(name),
  assigned,
  converters,
  orders: converters,
  revenue: converters * orderValue,
  revenueSquares: converters * orderValue * orderValue,
});

describe("analyseExperiment", () => {
  it("explains a small sample instead of printing a lift", () => {
    const r = analyseExperiment([arm("holdout", 40, 1), arm("a", 400, 30)]);
    expect(r.comparisons[0]).toMatchObject({ status: "too_little_data", conversion: null, incrementalRevenue: null });
    expect(r.comparisons[0].smallSample).toMatchObject({ controlAssigned: 40, minAssignedPerArm: 100 });
    expect(r.winner).toBeNull();
  });

  it("declares a lone variant the winner once its always-valid interval clears the holdout", () => {
    const r = analyseExperiment([arm("holdout", 2000, 60), arm("a", 18_000, 1100)]);
    const c = r.comparisons[0];
    expect(c.status).toBe("settled");
    expect(c.conversion!.low).toBeGreaterThan(0);
    expect(c.incrementalRevenue!.estimate).toBeCloseTo((1100 / 18_000 - 60 / 2000) * 40_000 * 18_000, 0);
    expect(r.winner).toBe("a");
    expect(r.alphaPerInterval).toBeCloseTo(0.025);
  });

  it("is wider than a fixed-horizon interval at the same level (the price of peeking)", () => {
    const r = analyseExperiment([arm("holdout", 2000, 60), arm("a", 18_000, 700)]);
    const c = r.comparisons[0].conversion!;
    const p1 = 700 / 18_000;
    const p0 = 60 / 2000;
    const fixedHalf = 2.241 * Math.sqrt((p1 * (1 - p1)) / 18_000 + (p0 * (1 - p0)) / 2000); // z at 0.025
    expect((c.high - c.low) / 2).toBeGreaterThan(fixedHalf);
  });

  it("needs a variant to beat every other variant to win", () => {
    const r = analyseExperiment([arm("holdout", 2000, 60), arm("a", 9000, 600), arm("b", 9000, 610)]);
    expect(r.comparisons.map((c) => `${c.treatment}-${c.control}`)).toEqual(["a-holdout", "b-holdout", "b-a"]);
    expect(r.comparisons[0].status).toBe("settled");
    expect(r.winner).toBeNull();
    const clear = analyseExperiment([arm("holdout", 2000, 60), arm("a", 9000, 300), arm("b", 9000, 610)]);
    expect(clear.winner).toBe("b");
  });
});
