import { describe, expect, it } from "vitest";
import { assignArm, HOLDOUT_ARM } from "../../../../server/src/domain/experiments/arms.js";

const ids = Array.from({ length: 8_000 }, (_, i) => `customer-${i}`);
const AB = [
  { id: "a", weight: 1 },
  { id: "b", weight: 1 },
];
const ABC = [...AB, { id: "c", weight: 1 }];
const arms = (variants: typeof AB, winner: string | null = null) =>
  ids.map((id) => assignArm("s.myshopify.com", "win_back", id, 0.1, variants, winner));
const share = (list: string[], arm: string) => list.filter((a) => a === arm).length / list.length;

describe("assignArm", () => {
  it("is deterministic per campaign and customer and splits as configured", () => {
    const first = arms(AB);
    expect(arms(AB)).toEqual(first);
    expect(share(first, HOLDOUT_ARM)).toBeCloseTo(0.1, 1);
    expect(share(first, "a")).toBeGreaterThan(0.43);
    expect(share(first, "b")).toBeGreaterThan(0.43);
    const weighted = ids.map((id) =>
      assignArm("s", "win_back", id, 0, [
        { id: "a", weight: 3 },
        { id: "b", weight: 1 },
      ]),
    );
    expect(share(weighted, "a")).toBeGreaterThan(0.73);
    expect(share(weighted, "a")).toBeLessThan(0.77);
  });

  it("adding a variant mid-test moves nobody across the holdout line and only its new share to it", () => {
    const before = arms(AB);
    const after = arms(ABC);
    let moved = 0;
    before.forEach((arm, i) => {
      expect(arm === HOLDOUT_ARM).toBe(after[i] === HOLDOUT_ARM);
      if (arm !== after[i]) {
        expect(after[i]).toBe("c"); // never A ↔ B
        moved++;
      }
    });
    expect(moved / ids.length).toBeGreaterThan(0.27); // C takes a third of the 90 % treated
    expect(moved / ids.length).toBeLessThan(0.33);
  });

  it("sends every treated customer to the winner and keeps the holdout", () => {
    const before = arms(AB);
    const after = arms(AB, "b");
    expect(after).toEqual(before.map((arm) => (arm === HOLDOUT_ARM ? HOLDOUT_ARM : "b")));
  });

  it("serves the base variant when a campaign has no variants", () => {
    expect(new Set(arms([]))).toEqual(new Set([HOLDOUT_ARM, "a"]));
  });
});
