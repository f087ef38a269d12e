import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../server/src/domain/btyd/simulate.js";
import { studentTQuantile } from "../../../../server/src/domain/timing/student-t.js";
import type { WindowRow } from "../../../../server/src/domain/timing/window-calibration.js";
import { honestWindow, tQuantile, windowCoverage } from "../../../../server/src/domain/timing/window-honesty.js";

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
}

/** Reorderers whose real ln(gap) spread is `trueSd` around the model's location, seen inside a long horizon. */
function rows(trueSd: number, seed: number): WindowRow[] {
  const rand = seededRandom(seed);
  const predictive = { nu: 200, loc: Math.log(20), scale: 0.4, sigma2: 0.16, gaps: 20, kappa: 20 };
  return Array.from({ length: 1000 }, () => ({ predictive, elapsedDays: 0, gapDays: Math.max(1, Math.round(Math.exp(predictive.loc + trueSd * normal(rand)))), horizonDays: 365 }));
}

describe("honest windows", () => {
  it("Newton quantile agrees with the bisection one", () => {
    for (const nu of [2.5, 7, 60]) for (const q of [0.01, 0.1, 0.5, 0.9, 0.999]) expect(tQuantile(q, nu)).toBeCloseTo(studentTQuantile(q, nu), 5);
  });

  it("widens an overconfident window until 80 % of reorderers fall inside it", () => {
    const r = rows(0.8, 3);
    const w = honestWindow(r, { shift: 0, scale: 1 });
    expect(w.coverage!.before).toBeLessThan(0.6);
    expect(w.widen!).toBeGreaterThan(1.5);
    expect(Math.abs(w.coverage!.after - 0.8)).toBeLessThan(0.02);
    // Held out: fresh customers from the same store are covered as promised.
    expect(Math.abs(windowCoverage(rows(0.8, 4), w).coverage - 0.8)).toBeLessThan(0.04);
  });

  it("narrows a window that promises too little", () => {
    const w = honestWindow(rows(0.2, 5), { shift: 0, scale: 1 });
    expect(w.coverage!.before).toBeGreaterThan(0.95);
    expect(w.widen!).toBeLessThan(0.8);
    // Gaps of ~20 whole days move coverage in steps of a few points.
    expect(Math.abs(w.coverage!.after - 0.8)).toBeLessThan(0.03);
  });

  it("keeps the likelihood fit when there are too few reorderers to judge", () => {
    expect(honestWindow(rows(0.8, 6).slice(0, 20), { shift: 0.1, scale: 1.2 })).toEqual({ shift: 0.1, scale: 1.2, widen: 1 });
  });
});
