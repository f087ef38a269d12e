// Which Flow events a customer's recompute calls for. Each event names its occasion (occasionKey): the store of sent
// events refuses a key it has seen, so an occasion fires once however many recomputes or instances see it.
import type { FlowEventKind } from "./flow-triggers.js";

const DAY = 86_400_000;

/** What the recompute knows of a customer, before or after it ran. */
export interface FlowCustomerState {
  /** Dangol's segment key, e.g. "repeat:core_active"; null when the customer has no prediction. */
  segmentKey: string | null;
  /** True when the segment's purchase axis is "inactive": the customer stopped buying by their own rhythm. */
  lapsed: boolean;
  dueWindow: { early: Date; late: Date } | null;
  lastOrderAt: Date | null;
  /** The customer's unused Dangol coupons. */
  coupons: Array<{ code: string; expiresAt: Date }>;
}

export interface FlowEvent {
  kind: FlowEventKind;
  customerId: string;
  /** Unique per shop and occasion: the same window, coupon or lapse gives the same key on every recompute. */
  occasionKey: string;
  /** The trigger's custom fields (customer_id is added by the sender, in the platform's id form). */
  fields: Record<string, string | number>;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function decideFlowEvents(input: {
  customerId: string;
  previous: FlowCustomerState | null;
  current: FlowCustomerState;
  now: Date;
  /** The merchant's N of "coupon expires in N days". */
  couponWarningDays: number;
}): FlowEvent[] {
  const { customerId: id, previous, current, now } = input;
  const events: FlowEvent[] = [];
  const w = current.dueWindow;
  // Open now; the window's first day names the occasion (a new order moves the window: a new occasion).
  if (w && w.early <= now && now <= w.late)
    events.push({
      kind: "reorder_window_opened",
      customerId: id,
      occasionKey: `reorder_window_opened:${id}:${day(w.early)}`,
      fields: { "Due window opens": day(w.early), "Due window closes": day(w.late) },
    });
  for (const coupon of current.coupons) {
    const left = coupon.expiresAt.getTime() - now.getTime();
    if (left <= 0 || left > input.couponWarningDays * DAY) continue;
    events.push({
      kind: "coupon_expiring",
      customerId: id,
      occasionKey: `coupon_expiring:${id}:${coupon.code}`,
      fields: { "Coupon code": coupon.code, "Days left": Math.ceil(left / DAY) },
    });
  }
  // A move, not a state: a customer already lapsed when first seen (previous null, e.g. at install) is not news.
  if (current.lapsed && previous && !previous.lapsed && current.lastOrderAt)
    events.push({
      kind: "customer_lapsed",
      customerId: id,
      occasionKey: `customer_lapsed:${id}:${day(current.lastOrderAt)}`,
      fields: {
        Segment: current.segmentKey ?? "",
        "Days since last order": Math.floor((now.getTime() - current.lastOrderAt.getTime()) / DAY),
      },
    });
  return events;
}
