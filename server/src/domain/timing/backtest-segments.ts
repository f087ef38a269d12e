import type { BacktestCustomer } from "./backtest.js";

/** Customers the issue singles out: bias there is what a merchant notices first. */
export type SegmentName = "oneTimers" | "young" | "heavy";

export interface SegmentScore {
  customers: number;
  actualRepeatOrders: number;
  oursPredicted: number;
  oursErrorPct: number;
  bgnbdPredicted: number;
  bgnbdErrorPct: number;
}

/** First order less than this many days before the cutoff: a young customer. */
export const YOUNG_DAYS = 180;

/**
 * Segment membership at the cutoff: one purchase day; first order under YOUNG_DAYS ago; heavy = purchase days at
 * or above the store's 90th percentile (at least 3), so "heavy" means the same thing in a weekly and a yearly store.
 */
export function segmentsOf(customers: BacktestCustomer[], cutDay: number): Record<SegmentName, boolean[]> {
  const counts = customers.map((c) => c.calibration.length).sort((a, b) => a - b);
  const heavyAt = Math.max(3, counts[Math.floor(0.9 * (counts.length - 1))] ?? 3);
  return {
    oneTimers: customers.map((c) => c.calibration.length === 1),
    young: customers.map((c) => cutDay - c.calibration[0].day < YOUNG_DAYS),
    heavy: customers.map((c) => c.calibration.length >= heavyAt),
  };
}

export function scoreSegments(
  members: Record<SegmentName, boolean[]>,
  actual: number[],
  ours: number[],
  bgnbd: number[],
): Record<SegmentName, SegmentScore> {
  const out = {} as Record<SegmentName, SegmentScore>;
  for (const name of Object.keys(members) as SegmentName[]) {
    const m = members[name];
    const total = (v: number[]) => v.reduce((s, x, i) => s + (m[i] ? x : 0), 0);
    const a = total(actual),
      o = total(ours),
      b = bgnbd.length ? total(bgnbd) : NaN;
    out[name] = {
      customers: m.filter(Boolean).length,
      actualRepeatOrders: a,
      oursPredicted: round(o, 1),
      oursErrorPct: a > 0 ? round((100 * (o - a)) / a, 1) : NaN,
      bgnbdPredicted: round(b, 1),
      bgnbdErrorPct: a > 0 ? round((100 * (b - a)) / a, 1) : NaN,
    };
  }
  return out;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
