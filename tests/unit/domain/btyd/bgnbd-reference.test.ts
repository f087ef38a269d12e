import { describe, expect, it } from "vitest";
import {
  bgnbdConditionalExpected,
  bgnbdExpected,
  bgnbdPAlive,
  bgnbdProbN,
  bgnbdTotalLogLikelihood,
} from "../../../../server/src/domain/btyd/bgnbd.js";
import { cdnowSummary, referenceParams, referencePredictions, relErr } from "./cdnow-fixtures.js";

const P = referenceParams().bgnbd;
const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe("BG/NBD formulas against the lifetimes golden file and published values", () => {
  it("matches every customer's P(alive) and E[Y(39)], E[Y(52)] to 1e-8 relative", () => {
    let worst = 0;
    for (const c of referencePredictions()) {
      const s = { x: c.x, tx: c.tx, T: c.T };
      worst = Math.max(
        worst,
        relErr(bgnbdPAlive(P, s), c.pAlive),
        relErr(bgnbdConditionalExpected(P, s, 39), c.ce39),
        relErr(bgnbdConditionalExpected(P, s, 52), c.ce52),
      );
    }
    expect(worst).toBeLessThan(1e-8);
  });

  it("gives the published log-likelihood at the lifetimes parameters", () => {
    expect(bgnbdTotalLogLikelihood(P, cdnowSummary())).toBeCloseTo(-9582.426, 2);
  });

  it("reproduces the Hardie spreadsheet values", () => {
    expect(bgnbdConditionalExpected(P, { x: 2, tx: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.226, 3);
    const ts = [0.1429, 1, 3, 31.8571, 32, 78];
    const want = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    for (const [i, t] of ts.entries()) expect(bgnbdExpected(P, t)).toBeCloseTo(want[i], 3);
    expect(bgnbdExpected(P, 52)).toBeCloseTo(1.444, 3);
  });

  it("reproduces the BTYD probabilities at the rounded published parameters", () => {
    expect(bgnbdProbN(PUBLISHED, 39, 0)).toBeCloseTo(0.5737864, 6);
    expect(relErr(bgnbdProbN(PUBLISHED, 2, 10), 1.07869e-7)).toBeLessThan(1e-4);
    const p30 = [0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638];
    for (const [i, v] of p30.entries()) expect(bgnbdProbN(PUBLISHED, 30, 11 + i)).toBeCloseTo(v, 5);
  });

  it("shows the increasing-frequency paradox of the BTYD vignette", () => {
    const want = [0.347494, 0.042838, 0.0041594, 0.0003584];
    for (const [i, x] of [10, 15, 20, 25].entries())
      expect(relErr(bgnbdConditionalExpected(P, { x, tx: 20, T: 39 }, 52), want[i])).toBeLessThan(1e-3);
  });

  it("handles the edge cases without overflow", () => {
    expect(bgnbdPAlive(P, { x: 0, tx: 0, T: 50 })).toBe(1);
    expect(bgnbdPAlive(P, { x: 1000, tx: 10, T: 100 })).toBe(0);
    const big = bgnbdConditionalExpected(P, { x: 500, tx: 99, T: 100 }, 52);
    expect(Number.isFinite(big)).toBe(true);
    expect(big).toBeGreaterThan(100);
  });

  it("sums P(X(t)=n) over n to one", () => {
    let total = 0;
    for (let n = 0; n < 400; n++) total += bgnbdProbN(P, 39, n);
    expect(total).toBeCloseTo(1, 6);
  });
});
