import { auc } from "./auc.js";
import { fitLogistic, predictLogistic, type LogisticModel } from "./logistic.js";
import { BASE_PROBABILITY_FEATURE } from "./timing-features.js";

/**
 * Candidates: the free stack (penalty 1 toward zero weights, the ranker as it always was), then penalties pulling
 * the weights toward the base model's own P(order in 90 days), up to the base score with only its intercept refitted.
 */
const FREE_STACK = { l2: 1, towardBase: false };
const CANDIDATES = [FREE_STACK, ...[10, 100, 1000, 1e6].map((l2) => ({ l2, towardBase: true }))];
type Candidate = (typeof CANDIDATES)[number];
/** Newest validation origins scored; each by a ranker fitted on origins whose labels had ended by then. */
const VALIDATED_ORIGINS = 3;
/** Origin k's labels cover [o_k, o_k + 90 d); origins step 45 d, so origin k + 2 is the first whose labels end by o_k. */
const ORIGINS_UNTIL_LABELS_END = 2;
/** Rows per validation fit (an even sample keeps big stores fast: ~1,000 per weight). */
const MAX_VALIDATION_FIT_ROWS = 10_000;

export interface RankerRows {
  features: number[][];
  labels: boolean[];
  /** Rolling origin of each row: 0 is the newest (now − 90 d), k is 45·k days older. */
  originOf: number[];
}

/**
 * The stacked ranker shrunk toward the base model's score by as much as the store's own history says: each candidate
 * is scored by its mean AUC on the newest origins, fitted only on older origins whose labels had ended (rolling
 * origins, no look-ahead), and the best is refitted on every row. A small store's ten weights, fitted on few
 * rows, can rank worse than the base score they stack on; a store where they help keeps them.
 */
export function fitShrunkRanker(rows: RankerRows): { model: LogisticModel; penalty: number; towardBase: boolean } {
  const scores = CANDIDATES.map((c) => validatedAuc(rows, c));
  // Ties, and a history too short to validate on (every score −∞), keep the free stack: nothing says to move.
  let best = 0;
  for (let i = 1; i < CANDIDATES.length; i++) if (scores[i] > scores[best]) best = i;
  const chosen = CANDIDATES[best];
  return { model: fit(rows, all(rows), chosen), penalty: chosen.l2, towardBase: chosen.towardBase };
}

function fit(rows: RankerRows, idx: number[], c: Candidate): LogisticModel {
  const prior: number[] = [];
  if (c.towardBase) prior[BASE_PROBABILITY_FEATURE] = 1;
  return fitLogistic(
    idx.map((i) => rows.features[i]),
    idx.map((i) => rows.labels[i]),
    c.l2,
    30,
    prior,
  );
}

/** Mean AUC over the validated origins (−∞ when none can be validated: too few origins or one class only). */
function validatedAuc(rows: RankerRows, c: Candidate): number {
  const aucs: number[] = [];
  for (let v = 0; v < VALIDATED_ORIGINS; v++) {
    const train = evenSample(
      indexes(rows, (k) => k >= v + ORIGINS_UNTIL_LABELS_END),
      MAX_VALIDATION_FIT_ROWS,
    );
    const test = indexes(rows, (k) => k === v);
    if (!hasBoth(rows, train) || !hasBoth(rows, test)) continue;
    const m = fit(rows, train, c);
    aucs.push(
      auc(
        test.map((i) => predictLogistic(m, rows.features[i])),
        test.map((i) => rows.labels[i]),
      ),
    );
  }
  return aucs.length ? aucs.reduce((s, a) => s + a, 0) / aucs.length : -Infinity;
}

function all(rows: RankerRows): number[] {
  return rows.labels.map((_, i) => i);
}

function indexes(rows: RankerRows, keep: (origin: number) => boolean): number[] {
  const out: number[] = [];
  rows.originOf.forEach((k, i) => {
    if (keep(k)) out.push(i);
  });
  return out;
}

function hasBoth(rows: RankerRows, idx: number[]): boolean {
  return idx.some((i) => rows.labels[i]) && idx.some((i) => !rows.labels[i]);
}

function evenSample<T>(all: T[], size: number): T[] {
  if (all.length <= size) return all;
  const stride = all.length / size;
  return Array.from({ length: size }, (_, i) => all[Math.floor(i * stride)]);
}
