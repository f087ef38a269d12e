import { describe, expect, it } from "vitest";
import { type FlowCustomerState, decideFlowEvents } from "../../../server/src/domain/flow/flow-events.js";

const DAY = 86_400_000;
const now = new Date("2026-12-02T12:00:00Z");
const at = (days: number) => new Date(now.getTime() + days * DAY);
const state = (over: Partial<FlowCustomerState> = {}): FlowCustomerState => ({
  segmentKey: "repeat:core_active",
  lapsed: false,
  dueWindow: null,
  lastOrderAt: at(-30),
  coupons: [],
  ...over,
});
const decide = (previous: FlowCustomerState | null, current: FlowCustomerState, when = now) =>
  decideFlowEvents({ customerId: "c1", previous, current, now: when, couponWarningDays: 3 });

describe("decideFlowEvents", () => {
  it("opens the reorder window once per window: the next recompute names the same occasion", () => {
    const current = state({ dueWindow: { early: at(-1), late: at(5) } });
    const first = decide(null, current);
    expect(first.map((e) => e.kind)).toEqual(["reorder_window_opened"]);
    expect(first[0].fields).toEqual({ "Due window opens": "2026-12-01", "Due window closes": "2026-12-07" });
    expect(decide(current, current, at(1))[0].occasionKey).toBe(first[0].occasionKey);
    expect(decide(null, state({ dueWindow: { early: at(2), late: at(5) } }))).toEqual([]);
    expect(decide(null, state({ dueWindow: { early: at(-9), late: at(-1) } }))).toEqual([]);
  });

  it("warns of a coupon only inside the N days, keyed by its code", () => {
    const coupons = [
      { code: "SOON", expiresAt: at(2.5) },
      { code: "LATER", expiresAt: at(3.5) },
      { code: "GONE", expiresAt: at(-0.1) },
    ];
    const events = decide(null, state({ coupons }));
    expect(events.map((e) => [e.occasionKey, e.fields["Days left"]])).toEqual([["coupon_expiring:c1:SOON", 3]]);
  });

  it("fires lapsed on the move only, not for a customer first seen lapsed nor again while lapsed", () => {
    const lapsed = state({ lapsed: true, segmentKey: "repeat:purchase_inactive_visit_unknown" });
    const moved = decide(state(), lapsed);
    expect(moved.map((e) => e.kind)).toEqual(["customer_lapsed"]);
    expect(moved[0].fields).toEqual({ Segment: "repeat:purchase_inactive_visit_unknown", "Days since last order": 30 });
    expect(decide(null, lapsed)).toEqual([]);
    expect(decide(lapsed, lapsed)).toEqual([]);
  });
});
