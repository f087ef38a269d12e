import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../server/src/domain/btyd/simulate.js";
import { fitPopulationGaps, type GapObservation } from "../../../../server/src/domain/timing/censored-gaps.js";

/**
 * Customers with rhythm μ_i ~ N(ln 30, 0.4²), gaps ln g ~ N(μ_i, 0.3²); the first order is followed by another
 * w.p. `firstReturn`, every later one w.p. 0.75.
 */
function simulate(n: number, seed: number, firstReturn = 0.75): GapObservation[] {
  const rand = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
  return Array.from({ length: n }, () => {
    const mu = Math.log(30) + 0.4 * normal();
    const window = 100 + 300 * rand();
    const logGaps: number[] = [];
    let t = 0;
    for (;;) {
      if (rand() > (logGaps.length === 0 ? firstReturn : 0.75)) return { logGaps, elapsedDays: window - t };
      const y = mu + 0.3 * normal();
      if (t + Math.exp(y) > window) return { logGaps, elapsedDays: window - t };
      t += Math.exp(y);
      logGaps.push(y);
    }
  });
}

describe("censoring-aware store gap norms", () => {
  it("recovers the rhythm, its spread and the return probability of a simulated store", () => {
    const fit = fitPopulationGaps(simulate(4000, 11));
    expect(fit.m0).toBeGreaterThan(Math.log(30) - 0.08);
    expect(fit.m0).toBeLessThan(Math.log(30) + 0.08);
    expect(Math.sqrt(fit.tau2)).toBeGreaterThan(0.3);
    expect(Math.sqrt(fit.tau2)).toBeLessThan(0.5);
    expect(Math.sqrt(fit.sigmaW2)).toBeCloseTo(0.3, 1);
    for (const pi of fit.retention.slice(0, 4)) expect(Math.abs(pi - 0.75)).toBeLessThan(0.06);
  });

  it("does not pull repeat buyers' return toward a store of one-time buyers", () => {
    // 95 % never return after the first order, so each later class holds 7-23 customers. Shrinking every class
    // toward the pooled rate (mostly π_1) read π_2..π_8 as 0.59-0.77 (mean 0.70) here.
    const fit = fitPopulationGaps(simulate(2000, 12, 0.05));
    expect(Math.abs(fit.retention[0] - 0.05)).toBeLessThan(0.02);
    const later = fit.retention.slice(1);
    for (const pi of later) expect(Math.abs(pi - 0.75)).toBeLessThan(0.1);
    expect(Math.abs(later.reduce((s, p) => s + p, 0) / later.length - 0.75)).toBeLessThan(0.05);
  });
});
