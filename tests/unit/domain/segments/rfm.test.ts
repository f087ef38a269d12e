import { describe, expect, it } from "vitest";
import { rfmCutpoints, scoreRfm } from "../../../../server/src/domain/segments/rfm.js";
import { RFM_GROUPS, rfmGroup } from "../../../../server/src/domain/segments/rfm-groups.js";

describe("RFM scores and Shopify's groups", () => {
  const values = Array.from({ length: 100 }, (_, i) => ({
    recencyDays: i,
    frequency: 1 + (i % 10),
    monetary: 10 * (i + 1),
  }));
  const cuts = rfmCutpoints(values);

  it("scores quintiles 1..5 with 5 the best", () => {
    expect(scoreRfm({ recencyDays: 0, frequency: 10, monetary: 1000 }, cuts)).toMatchObject({
      recency: 5,
      frequency: 5,
      monetary: 5,
      group: "Champions",
    });
    expect(scoreRfm({ recencyDays: 99, frequency: 1, monetary: 10 }, cuts)).toMatchObject({
      recency: 1,
      frequency: 1,
      monetary: 1,
      group: "Dormant",
    });
    expect(scoreRfm({ recencyDays: 50, frequency: 5, monetary: 500 }, cuts).recency).toBe(3);
  });

  it("reaches all 11 Shopify groups and only them", () => {
    const seen = new Set<string>([rfmGroup(3, 3, 3, 0)]);
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) seen.add(rfmGroup(r, f, m, 3));
    expect([...seen].sort()).toEqual(Object.values(RFM_GROUPS).sort());
    expect(seen.size).toBe(11);
  });

  it("separates lapsed strong customers from lapsed weak ones", () => {
    expect(rfmGroup(1, 5, 5, 20)).toBe("Previously loyal");
    expect(rfmGroup(2, 4, 3, 8)).toBe("At risk");
    expect(rfmGroup(2, 1, 2, 1)).toBe("Almost lost");
    expect(rfmGroup(5, 1, 1, 1)).toBe("New");
  });
});
