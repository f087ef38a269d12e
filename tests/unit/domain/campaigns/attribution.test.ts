import { describe, expect, it } from "vitest";
import { attributeConversions } from "../../../../server/src/domain/campaigns/attribution.js";
import { daysAgo } from "./fixtures.js";

const order = (orderId: string, customerId: string, at: Date, codes: string[] = []) => ({
  orderId,
  customerId,
  processedAt: at,
  discountCodes: codes,
});

describe("attributeConversions", () => {
  const assignments = [
    { customerId: "a", campaign: "win_back", holdout: false, assignedAt: daysAgo(10) },
    { customerId: "h", campaign: "win_back", holdout: true, assignedAt: daysAgo(10) },
  ];

  it("counts orders inside the window for both arms, and not before or after it", () => {
    const out = attributeConversions(
      assignments,
      [
        order("1", "a", daysAgo(5)),
        order("2", "h", daysAgo(4)),
        order("3", "a", daysAgo(11)),
        order("4", "h", daysAgo(1)),
      ],
      [],
    );
    expect(out.map((c) => [c.orderId, c.holdout]).sort()).toEqual([
      ["1", false],
      ["2", true],
    ]);
  });

  it("counts an order using the campaign's code even outside the window, once per order", () => {
    const out = attributeConversions(
      assignments,
      [order("9", "a", daysAgo(0), ["dg-wb-1"])],
      [{ code: "DG-WB-1", customerId: "a", campaign: "win_back" }],
      7,
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ campaign: "win_back", orderId: "9", holdout: false });
  });

  it("ignores a code used by another customer", () => {
    const out = attributeConversions(
      [],
      [order("9", "z", daysAgo(0), ["DG-WB-1"])],
      [{ code: "DG-WB-1", customerId: "a", campaign: "win_back" }],
    );
    expect(out).toEqual([]);
  });
});
