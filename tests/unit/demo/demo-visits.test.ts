import { describe, expect, it } from "vitest";
import { sampleCustomers } from "../../../server/src/demo/demo-visits.js";

describe("demo shoppers sample", () => {
  const ids = Array.from({ length: 4000 }, (_, i) => String(12000 + i));

  it("picks about the asked share, the same customers every start", () => {
    const sample = sampleCustomers(ids, 0.35);
    expect(sample.length / ids.length).toBeGreaterThan(0.32);
    expect(sample.length / ids.length).toBeLessThan(0.38);
    expect(sampleCustomers(ids, 0.35)).toEqual(sample);
  });

  it("grows monotonically with the share (a bigger share keeps the smaller one's customers)", () => {
    const small = new Set(sampleCustomers(ids, 0.1));
    const big = new Set(sampleCustomers(ids, 0.5));
    expect([...small].every((id) => big.has(id))).toBe(true);
    expect(sampleCustomers(ids, 0)).toEqual([]);
  });
});
