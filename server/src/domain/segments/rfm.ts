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
  const cuts = (v: number[]) => {
    const s = Float64Array.from(v).sort();
    return [0.2, 0.4, 0.6, 0.8].map((q) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0));
  };
  return {
    recencyDays: cuts(values.map((v) => v.recencyDays)),
    frequency: cuts(values.map((v) => v.frequency)),
    monetary: cuts(values.map((v) => v.monetary)),
  };
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
