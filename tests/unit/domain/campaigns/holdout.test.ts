import { describe, expect, it } from "vitest";
import { holdoutScore, isInHoldout } from "../../../../server/src/domain/campaigns/holdout.js";

describe("holdout assignment", () => {
  it("is stable for the same shop, campaign and customer", () => {
    expect(holdoutScore("s", "win_back", "42")).toBe(holdoutScore("s", "win_back", "42"));
  });

  it("differs across campaigns and shops", () => {
    const a = holdoutScore("s", "win_back", "42");
    expect(holdoutScore("s", "vip_thanks", "42")).not.toBe(a);
    expect(holdoutScore("t", "win_back", "42")).not.toBe(a);
  });

  it("stays in [0, 1) and puts about the holdout share on the holdout side", () => {
    const n = 10_000;
    const scores = Array.from({ length: n }, (_, i) => holdoutScore("s", "replenishment", `customer-${i}`));
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...scores)).toBeLessThan(1);
    const held = scores.filter((_, i) => isInHoldout("s", "replenishment", `customer-${i}`, 0.1)).length;
    expect(held / n).toBeGreaterThan(0.085);
    expect(held / n).toBeLessThan(0.115);
  });

  it("holds out nobody at share 0", () => {
    for (let i = 0; i < 1000; i++) expect(isInHoldout("s", "x", `${i}`, 0)).toBe(false);
  });
});
