import { describe, expect, it } from "vitest";
import { lift, newcombeInterval, wilsonInterval } from "../../../../server/src/domain/campaigns/lift.js";

describe("wilsonInterval", () => {
  // Newcombe (1998), Statistics in Medicine 17:857, table II: 81/263 → 0.2553 to 0.3662.
  it("matches the published example", () => {
    const w = wilsonInterval(81, 263);
    expect(w.low).toBeCloseTo(0.2553, 3);
    expect(w.high).toBeCloseTo(0.3662, 3);
  });
  it("stays inside [0, 1] at the edges", () => {
    expect(wilsonInterval(0, 10).low).toBeCloseTo(0, 12);
    expect(wilsonInterval(10, 10).high).toBeCloseTo(1, 12);
    expect(wilsonInterval(10, 10).high).toBeLessThanOrEqual(1);
  });
});

describe("newcombeInterval", () => {
  // Newcombe (1998) table II, method 10: 56/70 − 48/80 → 0.0524 to 0.3339.
  it("matches the published example", () => {
    const ci = newcombeInterval({ customers: 70, conversions: 56 }, { customers: 80, conversions: 48 });
    expect(ci.low).toBeCloseTo(0.0524, 3);
    expect(ci.high).toBeCloseTo(0.3339, 3);
  });
});

describe("lift", () => {
  it("reports rates, absolute and relative lift, and significance", () => {
    const r = lift({ customers: 1000, conversions: 150 }, { customers: 1000, conversions: 100 });
    expect(r.treatmentRate).toBeCloseTo(0.15);
    expect(r.holdoutRate).toBeCloseTo(0.1);
    expect(r.absoluteLift).toBeCloseTo(0.05);
    expect(r.relativeLift).toBeCloseTo(0.5);
    expect(r.confidenceInterval!.low).toBeGreaterThan(0);
    expect(r.significant).toBe(true);
  });

  it("is not significant when the arms are alike", () => {
    const r = lift({ customers: 90, conversions: 10 }, { customers: 10, conversions: 1 });
    expect(r.confidenceInterval!.low).toBeLessThan(0);
    expect(r.confidenceInterval!.high).toBeGreaterThan(0);
    expect(r.significant).toBe(false);
  });

  it("gives nulls when an arm is empty and no relative lift when the holdout never converted", () => {
    expect(lift({ customers: 10, conversions: 2 }, { customers: 0, conversions: 0 }).absoluteLift).toBeNull();
    expect(lift({ customers: 10, conversions: 2 }, { customers: 5, conversions: 0 }).relativeLift).toBeNull();
  });

  it("rejects impossible counts", () => {
    expect(() => lift({ customers: 1, conversions: 2 }, { customers: 1, conversions: 0 })).toThrow(RangeError);
  });
});
