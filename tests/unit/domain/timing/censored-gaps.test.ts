import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../server/src/domain/btyd/simulate.js";
import { fitPopulationGaps, type GapObservation } from "../../../../server/src/domain/timing/censored-gaps.js";

/** Customers with rhythm μ_i ~ N(ln 30, 0.4²), gaps ln g ~ N(μ_i, 0.3²), each order followed by another w.p. 0.75. */
function simulate(n: number, seed: number): GapObservation[] {
  const rand = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
  return Array.from({ length: n }, () => {
    const mu = Math.log(30) + 0.4 * normal();
    const window = 100 + 300 * rand();
    const logGaps: number[] = [];
    let t = 0;
    for (;;) {
      if (rand() > 0.75) return { logGaps, elapsedDays: window - t };
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
});
