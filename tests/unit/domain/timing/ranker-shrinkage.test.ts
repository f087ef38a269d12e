// The stacked ranker is shrunk toward the base model's score by as much as the store's own rolling origins say:
// extra features whose relation to reordering flips between older and newer origins are dropped, extra features
// that keep helping are kept.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../server/src/domain/btyd/simulate.js";
import { fitLogistic } from "../../../../server/src/domain/timing/logistic.js";
import { fitShrunkRanker, type RankerRows } from "../../../../server/src/domain/timing/ranker-shrinkage.js";

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
}

/** Six origins of 400 rows: feature 0 is the base score's logit; feature 1 is extra, with `extra(origin)` weight. */
function rankerRows(extra: (origin: number) => number, seed: number): RankerRows {
  const rand = seededRandom(seed);
  const rows: RankerRows = { features: [], labels: [], originOf: [] };
  for (let origin = 0; origin < 6; origin++)
    for (let i = 0; i < 400; i++) {
      const base = 2 * normal(rand),
        x = normal(rand),
        noise = normal(rand);
      rows.features.push([base, x, noise]);
      rows.labels.push(rand() < 1 / (1 + Math.exp(-(base + extra(origin) * x))));
      rows.originOf.push(origin);
    }
  return rows;
}

describe("stacked ranker shrinkage", () => {
  it("falls back to the base score when the extra weights do not hold from older to newer origins", () => {
    const { model, penalty } = fitShrunkRanker(rankerRows((o) => (o <= 2 ? -1.5 : 1.5), 3));
    expect(penalty).toBe(1e6);
    // Standardised weights: the base score keeps its raw coefficient 1 (× its sd), the others ~0.
    expect(model.weights[1] / model.sds[0]).toBeCloseTo(1, 2);
    expect(Math.abs(model.weights[2])).toBeLessThan(0.01);
    expect(Math.abs(model.weights[3])).toBeLessThan(0.01);
  });

  it("keeps the stack when an extra feature helps on every origin", () => {
    const { model, penalty } = fitShrunkRanker(rankerRows(() => 1.5, 4));
    expect(penalty).toBeLessThanOrEqual(100);
    expect(model.weights[2]).toBeGreaterThan(1);
  });

  it("keeps the free stack it always fitted when no origin can be validated", () => {
    const rows = rankerRows(() => 1.5, 5);
    const twoOrigins = rows.originOf.map((k, i) => (k < 2 ? i : -1)).filter((i) => i >= 0);
    const short = {
      features: twoOrigins.map((i) => rows.features[i]),
      labels: twoOrigins.map((i) => rows.labels[i]),
      originOf: twoOrigins.map((i) => rows.originOf[i]),
    };
    const { model, towardBase } = fitShrunkRanker(short);
    expect(towardBase).toBe(false);
    expect(model).toEqual(fitLogistic(short.features, short.labels));
  });

  it("pulls the weights toward a prior only under a large penalty", () => {
    const rows = rankerRows(() => 0, 6);
    const free = fitLogistic(rows.features, rows.labels, 1e-3);
    const pulled = fitLogistic(rows.features, rows.labels, 1e6, 30, [0, 2]);
    // Free: raw coefficient on feature 1 ~0; pulled: the prior's 2.
    expect(Math.abs(free.weights[2] / free.sds[1])).toBeLessThan(0.15);
    expect(pulled.weights[2] / pulled.sds[1]).toBeCloseTo(2, 2);
  });
});
