import { describe, expect, it } from "vitest";
import { auc } from "../../../../server/src/domain/timing/auc.js";
import { runBacktest, type BacktestCustomer } from "../../../../server/src/domain/timing/backtest.js";
import { seededRandom, simulateBgnbdCustomer } from "../../../../server/src/domain/btyd/simulate.js";
import { dayIndex } from "../../../../server/src/domain/timing/days.js";
import { ValidationError } from "../../../../server/src/domain/shared/errors.js";

describe("backtest scoring", () => {
  it("computes AUC with ties counted half", () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [false, true, false, true])).toBe(0.5);
    expect(auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
  });

  it("scores both models on a store simulated from BG/NBD", () => {
    const rand = seededRandom(3);
    const cutoff = new Date("2026-01-01T00:00:00Z");
    const cut = dayIndex(cutoff);
    const customers: BacktestCustomer[] = [];
    for (let i = 0; i < 1500; i++) {
      const birth = cut - 1 - Math.floor(rand() * 300);
      const times = simulateBgnbdCustomer({ r: 1, alpha: 40, a: 0.5, b: 4 }, cut + 180 - birth, rand).map(
        (t) => birth + Math.floor(t),
      );
      const days = [...new Set(times)];
      const cal = days.filter((d) => d < cut);
      customers.push({
        calibration: cal.map((day) => ({ day, amount: 10, quantities: new Map(), titles: new Map() })),
        holdoutDays: days.filter((d) => d >= cut),
      });
    }
    const r = runBacktest(customers, cutoff, 180);
    expect(r.customers).toBe(1500);
    expect(r.actualRepeatOrders).toBe(customers.reduce((s, c) => s + c.holdoutDays.length, 0));
    expect(Math.abs(r.bgnbd.errorPct)).toBeLessThan(15);
    expect(Math.abs(r.ours.errorPct)).toBeLessThan(40);
    expect(r.ours.auc90).toBeGreaterThan(0.7);
    expect(r.bgnbd.auc90).toBeGreaterThan(0.7);
    expect(r.ours.reorderedInsideWindowShare).toBeGreaterThan(0.5);
  });

  it("refuses an empty calibration set", () => {
    expect(() => runBacktest([], new Date(), 30)).toThrow(ValidationError);
  });
});
