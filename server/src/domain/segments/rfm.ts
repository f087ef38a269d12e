import type { Rfm } from "../timing/prediction.js";
import { rfmGroup } from "./rfm-groups.js";

/** Store-wide quintile cut points (20/40/60/80th percentiles) for each RFM dimension. */
export interface RfmCutpoints {
  recencyDays: number[];
  frequency: number[];
  monetary: number[];
}

/** One customer's raw RFM values. */
export interface RfmValues {
  recencyDays: number;
  frequency: number;
  monetary: number;
}

export function rfmCutpoints(values: RfmValues[]): RfmCutpoints {
  return rfmCutpointsOfColumns(
    Float64Array.from(values, (v) => v.recencyDays),
    Float64Array.from(values, (v) => v.frequency),
    Float64Array.from(values, (v) => v.monetary),
  );
}

/** The same cut points from one column per dimension (a streamed recompute keeps 24 bytes per customer). */
export function rfmCutpointsOfColumns(
  recencyDays: Float64Array,
  frequency: Float64Array,
  monetary: Float64Array,
): RfmCutpoints {
  const cuts = (v: Float64Array) => {
    const s = Float64Array.from(v).sort();
    return [0.2, 0.4, 0.6, 0.8].map((q) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0));
  };
  return { recencyDays: cuts(recencyDays), frequency: cuts(frequency), monetary: cuts(monetary) };
}

/** 1 + the number of cut points the value exceeds (ties fall to the lower score). */
function scoreAbove(value: number, cuts: number[]): number {
  let s = 1;
  for (const c of cuts) if (value > c) s++;
  return s;
}

/** Scores 1..5 (5 = best: most recent, most orders, most spend) and the Shopify-style group. */
export function scoreRfm(v: RfmValues, cuts: RfmCutpoints): Rfm {
  const recency = 6 - scoreAbove(v.recencyDays, cuts.recencyDays);
  const frequency = scoreAbove(v.frequency, cuts.frequency);
  const monetary = scoreAbove(v.monetary, cuts.monetary);
  return { recency, frequency, monetary, group: rfmGroup(recency, frequency, monetary, v.frequency) };
}
