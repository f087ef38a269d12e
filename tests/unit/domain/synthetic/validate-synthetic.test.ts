import { describe, expect, it } from "vitest";
import type { SyntheticCustomer, SyntheticStore } from "../../../../server/src/domain/synthetic/generate-store.js";
import { regimeNamed } from "../../../../server/src/domain/synthetic/regimes.js";
import { splitAtCutoff, validateStore } from "../../../../server/src/domain/synthetic/validate-synthetic.js";

const START = 19000;

function aCustomer(id: string, days: number[], leftAfter: number | null, oneTimer = false): SyntheticCustomer {
  return {
    id,
    days: days.map((d) => ({
      day: START + d,
      amount: 10,
      quantities: new Map([["p", 1]]),
      titles: new Map([["p", { title: "p", variantId: null }]]),
    })),
    truth: {
      productId: "p",
      cycleDays: 60,
      oneTimer,
      dropoutP: 0.1,
      leftAfterDay: leftAfter === null ? null : START + leftAfter,
    },
  };
}

/** Cut at day 300 with a 60-day horizon: every figure below is counted by hand. */
function aTinyStore(): SyntheticStore {
  return {
    regime: { ...regimeNamed("monthly-beauty")!, name: "tiny", cutoffs: [300] },
    startDay: START,
    customers: [
      aCustomer("A", [10, 140, 200, 295, 320, 350, 370], null), // 2 orders inside [300, 360), one after it
      aCustomer("B", [250], 250, true),
      aCustomer("C", [150, 280, 330], null),
      aCustomer("D", [5], 5, true),
      aCustomer("E", [310], null), // first order after the cutoff: not in the backtest
      aCustomer("F", [30, 60, 290], 290),
    ],
  };
}

describe("synthetic validation harness", () => {
  it("splits at the cutoff and clips the holdout to the horizon", () => {
    const split = splitAtCutoff(aTinyStore(), START + 300, 60);
    expect(split.map((c) => c.calibration.length)).toEqual([4, 1, 2, 1, 3]);
    expect(split.map((c) => c.holdoutDays.map((d) => d - START))).toEqual([[320, 350], [], [330], [], []]);
  });

  it("computes the known answers of a hand-made store", () => {
    const [row] = validateStore(aTinyStore(), 60);
    expect(row.cutoff).toBe(new Date((START + 300) * 86_400_000).toISOString().slice(0, 10));
    expect(row.truth).toMatchObject({ aliveAtCutoffShare: 0.4, oneTimerShare: 0.4 });
    const r = row.result;
    expect(r.customers).toBe(5);
    expect(r.actualRepeatOrders).toBe(3);
    expect(r.reorderers).toBe(2);
    // Last orders 295 (A, reorders), 290 (F, no), 280 (C, reorders), 250, 5: A beats 3 non-buyers, C beats 2 of 3.
    expect(r.recencyAuc90).toBeCloseTo(5 / 6, 4);
    // One-timers B and D; young (first order < 180 days before the cutoff) C and B; heavy (≥ 3 days, the 90th percentile) A and F.
    expect(r.segments.oneTimers).toMatchObject({ customers: 2, actualRepeatOrders: 0 });
    expect(r.segments.young).toMatchObject({ customers: 2, actualRepeatOrders: 1 });
    expect(r.segments.heavy).toMatchObject({ customers: 2, actualRepeatOrders: 2 });
    // predictedRepeatOrders is rounded to 0.1, so the error it implies is within 100·0.05/3 %.
    expect(Math.abs(r.ours.errorPct - (100 * (r.ours.predictedRepeatOrders - 3)) / 3)).toBeLessThanOrEqual(
      (100 * 0.05) / 3 + 0.05,
    );
    expect(r.ours.windowedShare).toBeGreaterThanOrEqual(0);
    expect(r.ours.windowedShare).toBeLessThanOrEqual(1);
  });
});
