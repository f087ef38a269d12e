import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../server/src/domain/btyd/simulate.js";
import { fitPopulationGaps, type GapObservation } from "../../../../server/src/domain/timing/censored-gaps.js";

/**
 * Customers with rhythm μ_i ~ N(ln 30, 0.4²), gaps ln g ~ N(μ_i, within²), watched for `minDays` + up to `spanDays`
 * more; the first order is followed by another w.p. `firstReturn`, every later one w.p. `laterReturn`.
 */
function simulate(n: number, seed: number, o: Partial<typeof STORE> = {}): GapObservation[] {
  const { firstReturn, laterReturn, within, minDays, spanDays } = { ...STORE, ...o };
  const rand = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
  return Array.from({ length: n }, () => {
    const mu = Math.log(30) + 0.4 * normal();
    const window = minDays + spanDays * rand();
    const logGaps: number[] = [];
    let t = 0;
    for (;;) {
      if (rand() > (logGaps.length === 0 ? firstReturn : laterReturn)) return { logGaps, elapsedDays: window - t };
      const y = mu + within * normal();
      if (t + Math.exp(y) > window) return { logGaps, elapsedDays: window - t };
      t += Math.exp(y);
      logGaps.push(y);
    }
  });
}

const STORE = { firstReturn: 0.75, laterReturn: 0.75, within: 0.3, minDays: 100, spanDays: 300 };

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
    const fit = fitPopulationGaps(simulate(2000, 12, { firstReturn: 0.05 }));
    expect(Math.abs(fit.retention[0] - 0.05)).toBeLessThan(0.02);
    const later = fit.retention.slice(1);
    for (const pi of later) expect(Math.abs(pi - 0.75)).toBeLessThan(0.1);
    expect(Math.abs(later.reduce((s, p) => s + p, 0) / later.length - 0.75)).toBeLessThan(0.05);
  });

  it("reads the spread of gaps from the open ones too, in a young store where long gaps have not ended yet", () => {
    // Customers watched 30-90 days with very irregular monthly gaps: the completed gaps alone are the short ones
    // (σw read as 0.65 of a true 0.8), so silent customers looked gone too soon (π_2..π_8 mean 0.82 of 0.9).
    const fit = fitPopulationGaps(simulate(4000, 13, { laterReturn: 0.9, within: 0.8, minDays: 30, spanDays: 60 }));
    expect(Math.abs(Math.sqrt(fit.sigmaW2) - 0.8)).toBeLessThan(0.06);
    const later = fit.retention.slice(1);
    expect(Math.abs(later.reduce((s, p) => s + p, 0) / later.length - 0.9)).toBeLessThan(0.05);
  });
});
