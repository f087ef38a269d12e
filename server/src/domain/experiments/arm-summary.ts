import type { CustomerOutcome } from "./attribution-window.js";

/** What the results page shows per arm; sums of squares let intervals be computed without the raw rows. */
export interface ArmSummary {
  arm: string;
  assigned: number;
  impressions: number;
  clicks: number;
  /** Attributed orders. */
  orders: number;
  /** Assigned customers with at least one attributed order. */
  converters: number;
  revenue: number;
  /** Sum over assigned customers of (their attributed revenue)². */
  revenueSquares: number;
}

export function emptyArm(arm: string): ArmSummary {
  return { arm, assigned: 0, impressions: 0, clicks: 0, orders: 0, converters: 0, revenue: 0, revenueSquares: 0 };
}

/** Folds customer outcomes into per-arm summaries, in the order of `arms` (arms with nobody yet included). */
export function summarizeArms(
  arms: readonly string[],
  outcomes: readonly CustomerOutcome[],
  engagement: ReadonlyMap<string, { impressions: number; clicks: number }> = new Map(),
): ArmSummary[] {
  const byArm = new Map(arms.map((a) => [a, emptyArm(a)]));
  for (const o of outcomes) {
    const s = byArm.get(o.arm) ?? emptyArm(o.arm);
    byArm.set(o.arm, s);
    s.assigned++;
    s.orders += o.orders;
    if (o.orders > 0) s.converters++;
    s.revenue += o.revenue;
    s.revenueSquares += o.revenue * o.revenue;
  }
  for (const [arm, e] of engagement) {
    const s = byArm.get(arm);
    if (s) {
      s.impressions += e.impressions;
      s.clicks += e.clicks;
    }
  }
  return [...byArm.values()];
}
