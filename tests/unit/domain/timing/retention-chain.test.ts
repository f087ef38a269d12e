import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../server/src/domain/btyd/simulate.js";
import { expectedOrders } from "../../../../server/src/domain/timing/expected-orders.js";
import {
  pooledRetention,
  retentionChain,
  storeRetentionChain,
} from "../../../../server/src/domain/timing/retention-chain.js";

/** π_k of a shifted-beta-geometric dropout p ~ Beta(a, b) after the first order (k ≥ 2), and π_1 given. */
function sbgRetention(first: number, a: number, b: number): number[] {
  return [first, ...Array.from({ length: 7 }, (_, i) => (b + i) / (a + b + i))];
}

describe("retention chain", () => {
  it("reads the store's classes and extrapolates the rise of π_k past them", () => {
    const retention = sbgRetention(0.3, 1, 25);
    const chain = retentionChain(retention);
    expect(chain(1)).toBe(0.3);
    expect(chain(5)).toBe(retention[4]);
    // Past the pooled class: (b + k − 2)/(a + b + k − 2), the dropout the classes imply.
    for (const k of [10, 30, 80]) expect(chain(k)).toBeCloseTo((25 + k - 2) / (26 + k - 2), 3);
  });

  it("does not let one thin class read low by chance flatten the rise", () => {
    // Counts of the synthetic young store at day 240: 15 customers behind π_7. With each class weighted by its own
    // estimate's variance, π_7 read 0.74 (truth 0.93) outweighed the classes beside it and held every later π at
    // 0.887; weighted by the line's own π_k the rise stays within 0.02 of the truth (0.005 when the line was fitted
    // on 1/(1 − π̂), which all but ignored a reading this low, and so also readings that low by right: next test).
    const retention = sbgRetention(0.65, 1, 8);
    retention[6] = 0.74;
    const chain = retentionChain(retention, { atRisk: [2574, 1308, 600, 265, 103, 44, 15, 12], topMeanCount: 9.5 });
    for (const k of [8, 12, 20]) expect(Math.abs(chain(k) - (8 + k - 2) / (9 + k - 2))).toBeLessThan(0.02);
    expect(chain(20)).toBeGreaterThan(chain(8) + 0.02);
  });

  it("fits the rise without leaning on classes read high by chance", () => {
    // Each class read as a binomial share of its customers (the young store's counts at day 240 with 1,500
    // customers), 400 draws from a dropout of slope 1. Fitted on 1/(1 − π̂), whose spread is skewed far to the right
    // near 1, the slope came out 3.66 on average (median 2.86) and π_8 0.020 high; as the classes' likelihood, 1.23
    // (median 1.06) and π_8 within 0.001. Fails before.
    const rand = seededRandom(12345);
    const evidence = { atRisk: [1275, 633, 291, 130, 45, 19, 8, 7], topMeanCount: 9.5 };
    const truth = (k: number) => (8 + k - 2) / (9 + k - 2);
    const slopes: number[] = [];
    let bias8 = 0;
    for (let draw = 0; draw < 400; draw++) {
      const read = [0.65];
      for (let k = 2; k <= 8; k++) {
        const n = evidence.atRisk[k - 1];
        let returned = 0;
        for (let i = 0; i < n; i++) if (rand() < truth(k === 8 ? evidence.topMeanCount : k)) returned++;
        read.push(Math.min(0.999, Math.max(0.001, returned / n)));
      }
      const { line } = pooledRetention(read, evidence);
      slopes.push(line.slope);
      bias8 += (retentionChain(read, evidence)(8) - truth(8)) / 400;
    }
    slopes.sort((a, b) => a - b);
    expect(slopes.reduce((s, v) => s + v, 0) / slopes.length).toBeLessThan(1.5);
    expect(Math.abs(slopes[200] - 1)).toBeLessThan(0.25);
    expect(Math.abs(bias8)).toBeLessThan(0.008);
  });

  it("pulls thin classes read high by chance toward the line instead of using them as they stand", () => {
    // Counts of the synthetic young store at day 240 with 1,500 customers: π_6/π_7 read 0.971/0.977 from 19 and 8
    // customers. Used as read, π_7 also floored every later π (0.977 from 7 purchase days on; the truth 0.929 → 0.947
    // at 12) and the heavy buyers' later orders came out +40 %; pooled with the line, within 0.02 of the truth.
    const retention = sbgRetention(0.65, 1, 8);
    retention[5] = 0.971;
    retention[6] = 0.977;
    const chain = retentionChain(retention, { atRisk: [1275, 633, 291, 130, 45, 19, 8, 7], topMeanCount: 9.5 });
    for (const k of [6, 7, 8, 12]) expect(Math.abs(chain(k) - (8 + k - 2) / (9 + k - 2))).toBeLessThan(0.02);
    // π_1 is the store's conversion, not on the dropout line: as read.
    expect(chain(1)).toBe(0.65);
  });

  it("reads one chain from a model storing the pooled π and its line and from one stored before it", () => {
    const raw = sbgRetention(0.65, 1, 8);
    raw[5] = 0.971;
    raw[6] = 0.977;
    const evidence = { atRisk: [1275, 633, 291, 130, 45, 19, 8, 7], topMeanCount: 9.5 };
    const pooled = pooledRetention(raw, evidence);
    const stored = storeRetentionChain({
      retention: pooled.retention,
      retentionEvidence: evidence,
      retentionLine: pooled.line,
    });
    const before = storeRetentionChain({ retention: [...raw], retentionEvidence: evidence });
    for (let k = 1; k <= 30; k++) expect(stored(k)).toBe(before(k));
    // The stored classes are the ones read: thin π_6/π_7 pulled toward the line, π_8 (the pooled class) as read.
    expect(pooled.retention[6]).toBeLessThan(0.95);
    expect(pooled.retention[7]).toBe(raw[7]);
  });

  it("reads the same π array as given with its line, and pooled without one, whichever was asked first", () => {
    const retention = sbgRetention(0.65, 1, 8);
    retention[6] = 0.977;
    const evidence = { atRisk: [1275, 633, 291, 130, 45, 19, 8, 7], topMeanCount: 9.5 };
    const { line } = pooledRetention(retention, evidence);
    // With its line the array is taken as already pooled: π_7 as given. Before, the chain first built for the array
    // was returned for every later call on it, so the pooled read below came back as the as-given one.
    expect(retentionChain(retention, evidence, line)(7)).toBe(0.977);
    expect(retentionChain(retention, evidence)(7)).toBeLessThan(0.95);
  });

  it("keeps one π when the classes do not rise", () => {
    const chain = retentionChain(new Array(8).fill(0.8));
    expect(chain(3)).toBeCloseTo(0.8, 9);
    expect(chain(40)).toBeCloseTo(0.8, 9);
  });

  it("counts a year of weekly follow-on orders as the heterogeneous dropout does, above a constant π", () => {
    const retention = sbgRetention(0.7, 1, 25);
    // A customer who just ordered (2 purchase days) with an exactly weekly rhythm, alive.
    const predictive = { nu: 1e6, loc: Math.log(7), scale: 1e-3, sigma2: 1e-6, gaps: 50, kappa: 1e6 };
    const chained = expectedOrders(predictive, 1, { chain: retentionChain(retention), purchaseDays: 2 }, 0, 365);
    const constant = expectedOrders(predictive, 1, retention[2], 0, 365);
    // Truth: the first order, then Σ_k Π_j π_(2+j) over ~51 more weeks, π_k = (24 + k − 1)/(25 + k − 1)·…
    let survive = 1,
      truth = 1;
    for (let k = 1; k <= 51; k++) {
      survive *= (25 + k) / (26 + k);
      truth += survive;
    }
    expect(chained).toBeCloseTo(truth, 0);
    expect(constant).toBeLessThan(0.85 * truth);
  });
});
