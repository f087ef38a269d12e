import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../server/src/domain/btyd/simulate.js";
import { calibratedExpectedOrders, type TimingCalibration } from "../../../../server/src/domain/timing/calibration.js";
import { expectedOrders } from "../../../../server/src/domain/timing/expected-orders.js";
import { fitStoreModelFromDays } from "../../../../server/src/domain/timing/fit-store-model.js";
import { learnCalibration } from "../../../../server/src/domain/timing/learn-calibration.js";
import type { PurchaseDay } from "../../../../server/src/domain/timing/purchase-days.js";
import {
  learnTenureFactors,
  tenureClass,
  type TenureCell,
} from "../../../../server/src/domain/timing/tenure-calibration.js";
import { baseView } from "../../../../server/src/domain/timing/timing-features.js";
import { DAY_MS } from "../../../../server/src/domain/timing/days.js";

describe("tenure factors for later orders", () => {
  it("recovers the relative tenure effect and leaves out each origin's own level", () => {
    const truth = [0.6, 0.75, 0.9, 1];
    const levels = new Map([
      [100, 1.6],
      [145, 1.2],
      [190, 0.8],
    ]);
    const cells: TenureCell[] = [];
    for (const [origin, level] of levels)
      truth.forEach((f, k) => {
        // The longest class is missing at the earliest origin, as it is in a young store.
        if (origin === 190 || k < 3) cells.push({ origin, tenureClass: k, predicted: 2000, actual: 2000 * level * f });
      });
    const cal = learnTenureFactors(cells)!;
    expect(cal).not.toBeNull();
    for (const [k, f] of cal.factors.entries()) expect(f).toBeCloseTo(truth[k], 1);
    expect(cal.factors[0]).toBeLessThan(cal.factors[2]);
    expect(cal.factors[3]).toBe(1);
  });

  it("shrinks a class with little evidence toward 1 and needs a reference class", () => {
    const cells: TenureCell[] = [
      { origin: 1, tenureClass: 0, predicted: 10, actual: 2 },
      { origin: 1, tenureClass: 3, predicted: 1000, actual: 1000 },
    ];
    const f0 = learnTenureFactors(cells)!.factors[0];
    expect(f0).toBeGreaterThan(0.8);
    expect(f0).toBeLessThan(1);
    expect(learnTenureFactors([{ origin: 1, tenureClass: 0, predicted: 50, actual: 20 }])).toBeNull();
    expect(tenureClass(59)).toBe(0);
    expect(tenureClass(60)).toBe(1);
    expect(tenureClass(400)).toBe(3);
  });

  it("learns from rolling origins that new customers fall off after their first months, and applies it only past the validation window", () => {
    const rand = seededRandom(9);
    const nowDay = 20_000;
    const all: PurchaseDay[][] = [];
    const buy = (day: number): PurchaseDay => ({ day, amount: 10, quantities: new Map(), titles: new Map() });
    for (let i = 0; i < 1200; i++) {
      // Established customers buy every ~20 days throughout; customers acquired later stop ~100 days in.
      const start = nowDay - 420 + Math.floor(rand() * 400);
      const established = start < nowDay - 380;
      const stopAt = established ? Infinity : start + 80 + rand() * 40;
      const days: PurchaseDay[] = [];
      for (let d = start; d < nowDay && d < stopAt; d += Math.max(1, Math.round(20 * (0.5 + rand()))))
        days.push(buy(d));
      all.push(days);
    }
    const fit = (c: PurchaseDay[][], now: Date) => fitStoreModelFromDays(c, now, { calibrate: false });
    const cal = learnCalibration(all, nowDay, fit)!;
    expect(cal.tenure).toBeTruthy();
    expect(cal.tenure!.factors[0]).toBeLessThan(0.9);

    const model = fit(all, new Date(nowDay * DAY_MS));
    const young = all.find((d) => nowDay - d[0].day < 40 && d.length >= 2)!;
    const v = baseView(young, model, nowDay);
    const t = v.timing;
    const base = (h: number) => expectedOrders(t.predictive, t.pActive, v.continuation, t.elapsedDays, h);
    const noTenure: TimingCalibration = { ...cal, tenure: null };
    // Within the validation window nothing changes; beyond it the young customer's later orders shrink.
    expect(calibratedExpectedOrders(v, cal, 90)).toBeCloseTo(calibratedExpectedOrders(v, noTenure, 90), 9);
    const later = base(365) - base(90);
    expect(calibratedExpectedOrders(v, noTenure, 365) - calibratedExpectedOrders(v, cal, 365)).toBeCloseTo(
      later * (1 - cal.tenure!.factors[0]),
      6,
    );
  });
});
