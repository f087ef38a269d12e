import { describe, expect, it } from "vitest";
import { fitBgnbd } from "../../../../server/src/domain/btyd/bgnbd-fit.js";
import { fitGammaGamma, gammaGammaExpectedSpend } from "../../../../server/src/domain/btyd/gamma-gamma.js";
import { bgnbdPAlive } from "../../../../server/src/domain/btyd/bgnbd.js";
import { seededRandom, simulateBgnbdCustomer } from "../../../../server/src/domain/btyd/simulate.js";
import { ValidationError } from "../../../../server/src/domain/shared/errors.js";
import { cdnowSpend, cdnowSummary, referenceParams, referencePredictions, relErr } from "./cdnow-fixtures.js";

describe("BG/NBD maximum likelihood on CDNOW", () => {
  const fit = fitBgnbd(cdnowSummary());

  it("reproduces the published parameters and LL to 1e-3 relative", () => {
    const want = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
    for (const k of ["r", "alpha", "a", "b"] as const) expect(relErr(fit.params[k], want[k])).toBeLessThan(1e-3);
    expect(relErr(fit.ll, -9582.43)).toBeLessThan(1e-6);
    expect(fit.converged).toBe(true);
    expect(fit.degenerate).toBe(false);
  });

  it("predicts like lifetimes with the refitted parameters", () => {
    let worst = 0;
    for (const c of referencePredictions()) worst = Math.max(worst, relErr(bgnbdPAlive(fit.params, c), c.pAlive));
    expect(worst).toBeLessThan(1e-4);
  });

  it("gives the same fit from weighted de-duplicated rows and from times scaled by 10", () => {
    const rows = cdnowSummary();
    const weighted = fitBgnbd([...rows.slice(0, 1000), ...rows.slice(1000).map((s) => ({ ...s, weight: 1 }))]);
    expect(relErr(weighted.params.r, fit.params.r)).toBeLessThan(1e-4);
    const scaled = fitBgnbd(rows.map((s) => ({ x: s.x, tx: s.tx * 10, T: s.T * 10 })));
    expect(relErr(scaled.params.alpha, fit.params.alpha * 10)).toBeLessThan(1e-3);
    expect(bgnbdPAlive(scaled.params, { x: 1, tx: 10, T: 20 })).toBeCloseTo(
      bgnbdPAlive(fit.params, { x: 1, tx: 1, T: 2 }),
      4,
    );
  });

  it("flags a boundary solution when nobody ever drops out", () => {
    const rand = seededRandom(7);
    const noDropout = { r: 2, alpha: 10, a: 1e-9, b: 1e9 };
    const rows = Array.from({ length: 1500 }, () => {
      const times = simulateBgnbdCustomer(noDropout, 50, rand);
      return { x: times.length - 1, tx: times[times.length - 1], T: 50 };
    });
    const f = fitBgnbd(rows);
    expect(f.degenerate).toBe(true);
    expect(f.warnings.join(" ")).toMatch(/→/);
  });

  it("rejects impossible rows with a ValidationError", () => {
    expect(() => fitBgnbd([])).toThrow(ValidationError);
    expect(() => fitBgnbd([{ x: 2, tx: 5, T: 3 }])).toThrow(/Invalid summary row 1/);
    expect(() => fitBgnbd([{ x: 1, tx: NaN, T: 3 }])).toThrow(ValidationError);
  });
});

describe("Gamma-Gamma on the CDNOW repeat buyers", () => {
  const repeaters = cdnowSpend().filter((r) => r.x > 0);
  const fit = fitGammaGamma(repeaters);

  it("reproduces p, q, γ to 1e-3 relative and the lifetimes LL", () => {
    expect(repeaters).toHaveLength(946);
    expect(relErr(fit.params.p, 6.2488)).toBeLessThan(1e-3);
    expect(relErr(fit.params.q, 3.7446)).toBeLessThan(1e-3);
    expect(relErr(fit.params.gamma, 15.4477)).toBeLessThan(1e-3);
    expect(fit.ll).toBeCloseTo(-4055.923, 2);
    expect(fit.corrFrequencySpend).toBeCloseTo(0.113884, 5);
  });

  it("matches the golden expected spend for every customer at the lifetimes parameters", () => {
    const { p, q, v } = referenceParams().gg;
    const spend = cdnowSpend();
    let worst = 0;
    for (const [i, c] of referencePredictions().entries())
      worst = Math.max(worst, relErr(gammaGammaExpectedSpend({ p, q, gamma: v }, c.x, spend[i].zbar), c.gg));
    expect(worst).toBeLessThan(1e-8);
  });

  it("rejects negative, zero and NaN amounts", () => {
    expect(() => fitGammaGamma([{ x: 1, zbar: -3 }])).toThrow(ValidationError);
    expect(() => fitGammaGamma([{ x: 1, zbar: NaN }])).toThrow(ValidationError);
    expect(() => fitGammaGamma([])).toThrow(/No repeat buyers/);
  });
});
