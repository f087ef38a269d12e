import { describe, expect, it } from "vitest";
import { expectedOrders } from "../../../../server/src/domain/timing/expected-orders.js";

describe("expected orders over a horizon", () => {
  it("counts follow-on orders by renewal: half a regular gap left is almost no second order", () => {
    // A customer who just ordered, every ~180 days with little irregularity (log-sd 0.15), always staying.
    const predictive = { nu: 1e6, loc: Math.log(180), scale: 0.15, sigma2: 0.0225, gaps: 40, kappa: 1e6 };
    // In 270 days: the next order (~day 180) and almost surely not the one after it (~day 360).
    expect(expectedOrders(predictive, 1, 0.9999, 0, 270)).toBeGreaterThan(0.95);
    expect(expectedOrders(predictive, 1, 0.9999, 0, 270)).toBeLessThan(1.05);
    // Over three years: orders near days 180, 360, … 1,080, the sixth inside 1,095 days about 60 % of the time.
    const threeYears = expectedOrders(predictive, 1, 0.9999, 0, 3 * 365);
    expect(threeYears).toBeGreaterThan(5.2);
    expect(threeYears).toBeLessThan(5.9);
  });
});
