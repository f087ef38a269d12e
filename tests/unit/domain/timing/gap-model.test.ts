import { describe, expect, it } from "vitest";
import { gapCdf, gapMode, gapPosterior, gapQuantile } from "../../../../server/src/domain/timing/gap-model.js";
import { studentTCdf, studentTQuantile } from "../../../../server/src/domain/timing/student-t.js";

const prior = { m0: Math.log(30), kappa0: 2, a0: 3, b0: 1 };

describe("log-normal gap model with a conjugate prior", () => {
  it("Student-t CDF and quantile agree with known values", () => {
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 10);
    expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 12);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 5);
    expect(studentTCdf(studentTQuantile(0.1, 6.5), 6.5)).toBeCloseTo(0.1, 9);
  });

  it("with no gaps of their own a customer gets the prior's median", () => {
    const p = gapPosterior(prior, []);
    expect(gapQuantile(p, 0.5)).toBeCloseTo(30, 6);
  });

  it("many steady gaps pull the customer to their own rhythm and narrow the window", () => {
    const few = gapPosterior(prior, [Math.log(10)]);
    const many = gapPosterior(prior, Array(30).fill(Math.log(10)));
    expect(gapQuantile(few, 0.5)).toBeGreaterThan(12);
    expect(gapQuantile(many, 0.5)).toBeCloseTo(10 * 3 ** (2 / 32), 6);
    expect(gapQuantile(many, 0.9) - gapQuantile(many, 0.1)).toBeLessThan(gapQuantile(few, 0.9) - gapQuantile(few, 0.1));
  });

  it("keeps quantiles, CDF and mode consistent", () => {
    const p = gapPosterior(prior, [Math.log(20), Math.log(25), Math.log(18)]);
    expect(gapCdf(p, gapQuantile(p, 0.9))).toBeCloseTo(0.9, 8);
    expect(gapMode(p)).toBeGreaterThan(gapQuantile(p, 0.1));
    expect(gapMode(p)).toBeLessThan(gapQuantile(p, 0.5));
    expect(gapCdf(p, 0)).toBe(0);
  });
});
