/** Conversion counts of one campaign's two arms. */
export interface ArmCounts {
  customers: number;
  conversions: number;
}

export interface Interval {
  low: number;
  high: number;
}

export interface LiftResult {
  treatmentRate: number | null;
  holdoutRate: number | null;
  /** Treatment rate minus holdout rate (percentage points as a fraction). */
  absoluteLift: number | null;
  /** absoluteLift / holdoutRate; null when the holdout converted nobody. */
  relativeLift: number | null;
  /** 95 % interval for absoluteLift (Newcombe's hybrid score method, from two Wilson intervals). */
  confidenceInterval: Interval | null;
  /** True when the interval excludes zero. */
  significant: boolean;
}

const Z95 = 1.959963984540054;

/** Wilson score interval for one proportion; well-behaved at 0, 1 and small n, unlike the Wald interval. */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Newcombe (1998) method 10: interval for p1 − p2 from each arm's Wilson interval. */
export function newcombeInterval(a: ArmCounts, b: ArmCounts, z = Z95): Interval {
  const p1 = a.conversions / a.customers;
  const p2 = b.conversions / b.customers;
  const w1 = wilsonInterval(a.conversions, a.customers, z);
  const w2 = wilsonInterval(b.conversions, b.customers, z);
  const d = p1 - p2;
  return {
    low: d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
    high: d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
  };
}

export function lift(treatment: ArmCounts, holdout: ArmCounts): LiftResult {
  for (const arm of [treatment, holdout]) {
    if (arm.conversions < 0 || arm.conversions > arm.customers)
      throw new RangeError("conversions must be between 0 and customers");
  }
  const treatmentRate = treatment.customers > 0 ? treatment.conversions / treatment.customers : null;
  const holdoutRate = holdout.customers > 0 ? holdout.conversions / holdout.customers : null;
  if (treatmentRate === null || holdoutRate === null) {
    return {
      treatmentRate,
      holdoutRate,
      absoluteLift: null,
      relativeLift: null,
      confidenceInterval: null,
      significant: false,
    };
  }
  const absoluteLift = treatmentRate - holdoutRate;
  const ci = newcombeInterval(treatment, holdout);
  return {
    treatmentRate,
    holdoutRate,
    absoluteLift,
    relativeLift: holdoutRate > 0 ? absoluteLift / holdoutRate : null,
    confidenceInterval: ci,
    significant: ci.low > 0 || ci.high < 0,
  };
}
