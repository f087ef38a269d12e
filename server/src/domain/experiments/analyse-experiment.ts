import type { ArmSummary } from "./arm-summary.js";
import { HOLDOUT_ARM } from "./arms.js";
import {
  differenceSequence,
  smoothedBernoulliVariance,
  type MeanStats,
  type SequenceInterval,
} from "./confidence-sequence.js";

/** Named in the admin UI next to every interval. */
export const EXPERIMENT_METHOD =
  "mixture SPRT always-valid confidence sequences (Johari et al. 2017; Howard et al. 2021), Bonferroni-split across comparisons and both metrics";
export const FAMILY_ALPHA = 0.05;
/** Below these a lift is not printed: the normal approximation behind the interval needs some counts. */
export const MIN_ASSIGNED_PER_ARM = 100;
export const MIN_CONVERTERS = 10;

export type Settled = "better" | "worse" | null;
export type ComparisonStatus = "too_little_data" | "undecided" | "settled";

export interface MetricDifference extends SequenceInterval {
  /** The interval excludes 0: treatment is proven better or worse than control on this metric. */
  settled: Settled;
}

export interface SmallSample {
  minAssignedPerArm: number;
  minConverters: number;
  treatmentAssigned: number;
  controlAssigned: number;
  converters: number;
}

export interface ArmComparison {
  treatment: string;
  control: string;
  status: ComparisonStatus;
  /** Why no lift is printed (status too_little_data). */
  smallSample: SmallSample | null;
  /** Conversion rate per assigned customer, treatment − control. */
  conversion: MetricDifference | null;
  /** Attributed revenue per assigned customer, treatment − control. */
  revenuePerCustomer: MetricDifference | null;
  /** conversion difference / control rate; null when control converted nobody. */
  relativeConversionLift: number | null;
  /** Against the holdout only: revenue the treatment arm earned beyond what the holdout's rate predicts. */
  incrementalRevenue: SequenceInterval | null;
}

export interface ExperimentAnalysis {
  method: string;
  familyAlpha: number;
  /** The level each interval is computed at: FAMILY_ALPHA split over every interval shown. */
  alphaPerInterval: number;
  comparisons: ArmComparison[];
  /** A variant proven better than every other variant (or, alone, than the holdout) and worse on nothing. */
  winner: string | null;
}

const conversionStats = (a: ArmSummary): MeanStats => ({ n: a.assigned, sum: a.converters, sumSquares: a.converters });
const revenueStats = (a: ArmSummary): MeanStats => ({ n: a.assigned, sum: a.revenue, sumSquares: a.revenueSquares });

function settle(i: SequenceInterval): MetricDifference {
  return { ...i, settled: i.low > 0 ? "better" : i.high < 0 ? "worse" : null };
}

function compare(t: ArmSummary, c: ArmSummary, alpha: number): ArmComparison {
  const small: SmallSample = {
    minAssignedPerArm: MIN_ASSIGNED_PER_ARM,
    minConverters: MIN_CONVERTERS,
    treatmentAssigned: t.assigned,
    controlAssigned: c.assigned,
    converters: t.converters + c.converters,
  };
  const base = { treatment: t.arm, control: c.arm };
  if (t.assigned < MIN_ASSIGNED_PER_ARM || c.assigned < MIN_ASSIGNED_PER_ARM || small.converters < MIN_CONVERTERS) {
    return {
      ...base,
      status: "too_little_data",
      smallSample: small,
      conversion: null,
      revenuePerCustomer: null,
      relativeConversionLift: null,
      incrementalRevenue: null,
    };
  }
  const conversion = settle(
    differenceSequence(conversionStats(t), conversionStats(c), alpha, smoothedBernoulliVariance),
  );
  const revenuePerCustomer = settle(differenceSequence(revenueStats(t), revenueStats(c), alpha));
  const controlRate = c.converters / c.assigned;
  return {
    ...base,
    status: conversion.settled || revenuePerCustomer.settled ? "settled" : "undecided",
    smallSample: null,
    conversion,
    revenuePerCustomer,
    relativeConversionLift: controlRate > 0 ? conversion.estimate / controlRate : null,
    incrementalRevenue:
      c.arm === HOLDOUT_ARM
        ? {
            estimate: revenuePerCustomer.estimate * t.assigned,
            low: revenuePerCustomer.low * t.assigned,
            high: revenuePerCustomer.high * t.assigned,
          }
        : null,
  };
}

/** How `arm` fared in a comparison, from its own side. */
function verdictFor(arm: string, c: ArmComparison): { better: boolean; worse: boolean } {
  const flags = [c.conversion?.settled, c.revenuePerCustomer?.settled];
  const mine = c.treatment === arm;
  return {
    better: flags.includes(mine ? "better" : "worse"),
    worse: flags.includes(mine ? "worse" : "better"),
  };
}

/**
 * Every variant against the holdout (when there is one) and every pair of variants, each on conversion and on
 * revenue per assigned customer. All intervals hold together at 95 % at every look (Bonferroni over the family),
 * so "settled" and the winner may be read daily without inflating false wins.
 */
export function analyseExperiment(arms: readonly ArmSummary[]): ExperimentAnalysis {
  const holdout = arms.find((a) => a.arm === HOLDOUT_ARM);
  const variants = arms.filter((a) => a.arm !== HOLDOUT_ARM);
  const pairs: Array<[ArmSummary, ArmSummary]> = [];
  if (holdout) for (const v of variants) pairs.push([v, holdout]);
  for (let i = 0; i < variants.length; i++)
    for (let j = i + 1; j < variants.length; j++) pairs.push([variants[j], variants[i]]);
  const alphaPerInterval = FAMILY_ALPHA / Math.max(1, pairs.length * 2);
  const comparisons = pairs.map(([t, c]) => compare(t, c, alphaPerInterval));

  const rivals = variants.length > 1 ? variants.map((v) => v.arm) : [HOLDOUT_ARM];
  let winner: string | null = null;
  for (const v of variants) {
    const against = comparisons.filter(
      (c) =>
        (c.treatment === v.arm || c.control === v.arm) &&
        rivals.includes(c.treatment === v.arm ? c.control : c.treatment),
    );
    const verdicts = against.map((c) => verdictFor(v.arm, c));
    if (verdicts.length > 0 && verdicts.every((x) => x.better && !x.worse)) winner = v.arm;
  }
  return { method: EXPERIMENT_METHOD, familyAlpha: FAMILY_ALPHA, alphaPerInterval, comparisons, winner };
}
