import type { Lifecycle, PurchaseState, Segment, VisitState } from "../timing/prediction.js";

/** Storefront beacon summary for one customer; absent when the shop sends no visits. */
export interface VisitSummary {
  lastVisitAt: Date | null;
}

/** Purchase axis, judged against the customer's own window (gap quantiles in days). */
export function purchaseState(orders: number, elapsedDays: number, lateGapDays: number): PurchaseState {
  if (orders === 0) return "never";
  if (elapsedDays <= lateGapDays) return "active";
  if (elapsedDays <= 2 * lateGapDays) return "at_risk";
  return "inactive";
}

/** Visit axis: a visit within one cycle is active, within two is at risk; no data means "unknown". */
export function visitState(visits: VisitSummary | undefined, now: Date, cycleDays: number): VisitState {
  if (!visits) return "unknown";
  if (!visits.lastVisitAt) return "inactive";
  const days = (now.getTime() - visits.lastVisitAt.getTime()) / 86_400_000;
  if (days <= cycleDays) return "active";
  if (days <= 2 * cycleDays) return "at_risk";
  return "inactive";
}

const NAMES: Record<PurchaseState, Record<VisitState, string>> = {
  active: {
    active: "core_active",
    at_risk: "purchase_active_visit_at_risk",
    inactive: "purchase_active_visit_inactive",
    unknown: "active",
  },
  at_risk: {
    active: "purchase_at_risk_visit_active",
    at_risk: "visit_at_risk",
    inactive: "purchase_at_risk_visit_inactive",
    unknown: "at_risk",
  },
  inactive: {
    active: "inactive_visit_active",
    at_risk: "inactive_visit_at_risk",
    inactive: "inactive",
    unknown: "inactive",
  },
  never: {
    active: "never_purchased_visit_active",
    at_risk: "never_purchased_visit_at_risk",
    inactive: "never_purchased_visit_inactive",
    unknown: "never_purchased",
  },
};

const LIFECYCLES: readonly Lifecycle[] = ["first", "repeat", "none"];

/** What a segment key says; visit is null where two visit states share the key ("inactive"). */
export interface SegmentParts {
  lifecycle: Lifecycle;
  purchase: PurchaseState;
  visit: VisitState | null;
}

/** "repeat:core_active" → its lifecycle, purchase and visit states; null for a key no segment has (a typed URL). */
export function segmentParts(key: string): SegmentParts | null {
  const [lifecycle, cell, extra] = key.split(":");
  if (extra !== undefined || !LIFECYCLES.includes(lifecycle as Lifecycle)) return null;
  const cells = (Object.entries(NAMES) as [PurchaseState, Record<VisitState, string>][]).flatMap(([purchase, visits]) =>
    (Object.entries(visits) as [VisitState, string][])
      .filter(([, name]) => name === cell)
      .map(([visit]) => ({ purchase, visit })),
  );
  if (cells.length === 0) return null;
  return {
    lifecycle: lifecycle as Lifecycle,
    purchase: cells[0].purchase,
    visit: cells.length === 1 ? cells[0].visit : null,
  };
}

/** The visit × purchase grid cell, split by first-purchase vs repeat customers (key "<lifecycle>:<cell>"). */
export function segmentFor(orders: number, purchase: PurchaseState, visit: VisitState): Segment {
  const lifecycle: Lifecycle = orders === 0 ? "none" : orders === 1 ? "first" : "repeat";
  return { lifecycle, purchase, visit, key: `${lifecycle}:${NAMES[purchase][visit]}` };
}
