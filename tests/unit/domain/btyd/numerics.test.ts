import { describe, expect, it } from "vitest";
import { minimize } from "../../../../server/src/domain/btyd/nelder-mead.js";
import { hyp2f1, lnGamma, logAddExp } from "../../../../server/src/domain/btyd/special.js";
import { customerLifetimeValue } from "../../../../server/src/domain/btyd/clv.js";
import { gammaGammaExpectedSpend } from "../../../../server/src/domain/btyd/gamma-gamma.js";
import { referenceParams } from "./cdnow-fixtures.js";

describe("numerical building blocks", () => {
  it("lnΓ matches factorials and Γ(1/2) = √π", () => {
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(lnGamma(171.5)).toBeCloseTo(709.1431630309282, 8);
    expect(lnGamma(0.1)).toBeCloseTo(2.2527126517342055, 10);
  });

  it("2F1 matches closed forms", () => {
    for (const z of [0.1, 0.5, 0.9]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 10);
      expect(hyp2f1(0.5, 1, 1, z)).toBeCloseTo((1 - z) ** -0.5, 10);
    }
  });

  it("logAddExp does not overflow", () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 10);
    expect(logAddExp(-Infinity, 3)).toBe(3);
  });

  it("Nelder-Mead finds the Rosenbrock minimum", () => {
    const r = minimize(([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1]);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });

  it("reproduces the lifetimes CLV example (its 30-week 'months', 1% per step)", () => {
    const { bgnbd, gg } = referenceParams();
    const spend = gammaGammaExpectedSpend({ p: gg.p, q: gg.q, gamma: gg.v }, 2, 22.35);
    const clv = customerLifetimeValue(bgnbd, { x: 2, tx: 30.43, T: 38.86 }, spend, {
      periodLength: 30,
      periods: 12,
      discountRate: 0.01,
    });
    expect(clv).toBeCloseTo(140.096211, 3);
  });
});
