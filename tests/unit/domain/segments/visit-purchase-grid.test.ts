import { describe, expect, it } from "vitest";
import {
  purchaseState,
  segmentFor,
  segmentParts,
  visitState,
} from "../../../../server/src/domain/segments/visit-purchase-grid.js";

const NOW = new Date("2026-06-01T00:00:00Z");
const ago = (d: number) => ({ lastVisitAt: new Date(NOW.getTime() - d * 86_400_000) });

describe("visit × purchase grid", () => {
  it("judges purchases against the customer's own late date", () => {
    expect(purchaseState(3, 20, 30)).toBe("active");
    expect(purchaseState(3, 45, 30)).toBe("at_risk");
    expect(purchaseState(3, 61, 30)).toBe("inactive");
    expect(purchaseState(0, 0, 30)).toBe("never");
  });

  it("reads visits relative to the cycle and says unknown without beacons", () => {
    expect(visitState(ago(5), NOW, 21)).toBe("active");
    expect(visitState(ago(30), NOW, 21)).toBe("at_risk");
    expect(visitState(ago(90), NOW, 21)).toBe("inactive");
    expect(visitState({ lastVisitAt: null }, NOW, 21)).toBe("inactive");
    expect(visitState(undefined, NOW, 21)).toBe("unknown");
  });

  it("names cells by lifecycle, falling back to purchase only", () => {
    expect(segmentFor(5, "active", "active").key).toBe("repeat:core_active");
    expect(segmentFor(1, "at_risk", "active").key).toBe("first:purchase_at_risk_visit_active");
    expect(segmentFor(0, "never", "active").key).toBe("none:never_purchased_visit_active");
    expect(segmentFor(2, "at_risk", "at_risk").key).toBe("repeat:visit_at_risk");
    expect(segmentFor(2, "inactive", "unknown")).toEqual({
      lifecycle: "repeat",
      purchase: "inactive",
      visit: "unknown",
      key: "repeat:inactive",
    });
  });

  it("reads every segment's key back into its states (visit null only where two states share a key)", () => {
    for (const orders of [0, 1, 2])
      for (const purchase of ["active", "at_risk", "inactive", "never"] as const)
        for (const visit of ["active", "at_risk", "inactive", "unknown"] as const) {
          const { key, ...states } = segmentFor(orders, purchase, visit);
          const shared = key.endsWith(":inactive") && (visit === "inactive" || visit === "unknown");
          expect(segmentParts(key)).toEqual({ ...states, visit: shared ? null : visit });
        }
    for (const typed of ["vip:gold", "repeat", "repeat:core_active:x", "someone:core_active", ""])
      expect(segmentParts(typed)).toBeNull();
  });
});
