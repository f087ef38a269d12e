import type { TimingCalibration } from "./calibration.js";
import { DAY_MS } from "./days.js";
import { expectedOrders } from "./expected-orders.js";
import type { PurchaseDay } from "./purchase-days.js";
import { fitShrunkRanker } from "./ranker-shrinkage.js";
import type { TimingBase } from "./store-model.js";
import { baseView, CELLS, RANK_HORIZON_DAYS } from "./timing-features.js";
import { learnTenureFactors, tenureClass, TENURE_EDGES, type TenureCell } from "./tenure-calibration.js";
import { learnWindowCalibration, withLongLevels, type WindowRow } from "./window-calibration.js";

/** Validation origins step back from now − 90 d by this much; each needs this much history before it. */
const ORIGIN_STEP_DAYS = 45;
const MAX_ORIGINS = 6;
const MIN_HISTORY_DAYS = 60;
/** Customers used for calibration (an even sample keeps big stores fast). */
export const CALIBRATION_SAMPLE = 10_000;
/** Pseudo-orders pulling a cell's factor toward the pooled factor. */
const CELL_PSEUDO_ORDERS = 30;
const MIN_RANKER_ROWS = 200;
const MAX_RANKER_ROWS = 60_000;
const MAX_WINDOW_ROWS = 1_000;
/** The long levels are two quantiles (no fit), so they can read more of the rows. */
const MAX_LONG_WINDOW_ROWS = 4_000;

/** An origin's fit: any model baseView can read (the store fit uses fitTimingBase). */
type FitBase = (customers: PurchaseDay[][], now: Date) => TimingBase;

/**
 * Rolling-origin calibration using only data before `nowDay`: at each origin o (now − 90 d, then every 45 d
 * earlier), fit the base model on purchases before o and compare with what happened in [o, o + 90 d).
 * Several origins spread over the past year average out the season of any single window.
 */
export function learnCalibration(all: PurchaseDay[][], nowDay: number, fitBase: FitBase): TimingCalibration | null {
  return learnCalibrationOnSample(evenSample(all, CALIBRATION_SAMPLE), nowDay, fitBase);
}

/** The same from the store's even sample of CALIBRATION_SAMPLE customers (a streamed recompute keeps only those). */
export function learnCalibrationOnSample(
  sample: PurchaseDay[][],
  nowDay: number,
  fitBase: FitBase,
): TimingCalibration | null {
  const firstDay = sample.reduce((m, d) => Math.min(m, d[0].day), Infinity);
  const H = RANK_HORIZON_DAYS;
  // Judged at the newest origin, not now: one customer's third order after it must not empty the calibration.
  const repeatsByNewestOrigin = sample.some((d) => d.length >= 3 && d[2].day < nowDay - H);
  const acc = { actual: new Float64Array(CELLS), predicted: new Float64Array(CELLS) };
  const features: number[][] = [],
    labels: boolean[] = [],
    windows: WindowRow[] = [],
    longWindows: WindowRow[] = [],
    tenureCells: TenureCell[] = [],
    originOf: number[] = [];
  let origins = 0;
  for (let k = 0; k < MAX_ORIGINS; k++) {
    const origin = nowDay - H - ORIGIN_STEP_DAYS * k;
    if (origin - firstDay < MIN_HISTORY_DAYS) break;
    const before: PurchaseDay[][] = [],
      after: number[][] = [];
    for (const d of sample) {
      const b = d.filter((p) => p.day < origin);
      if (b.length === 0) continue;
      before.push(b);
      // Everything after the origin: the first H days validate the 90-day outputs, the rest the later part.
      after.push(d.filter((p) => p.day >= origin && p.day < nowDay).map((p) => p.day));
    }
    if (before.length < 50) continue;
    // An origin before any customer's third purchase day cannot have learned repeat retention: its π_2 sits on a
    // boundary (0 or 1) and, where the store has third purchase days by now, its predictions are not ones the model
    // makes. Synthetic young store at day 240 (seed 2): at its first origin (day 60, 148 customers, 25 with a second
    // order, none with a third) π_2 read 0, it predicted 37 orders where 157 came, and that one origin moved the
    // store's factor from 1.13 to 1.22. A store with none by its newest origin keeps them: no origin has more.
    if (repeatsByNewestOrigin && !before.some((b) => b.length >= 3)) continue;
    const model = fitBase(before, new Date(origin * DAY_MS));
    origins++;
    const span = nowDay - origin;
    const late = TENURE_EDGES.map(() => ({ actual: 0, predicted: 0 })).concat({ actual: 0, predicted: 0 });
    before.forEach((b, i) => {
      const v = baseView(b, model, origin);
      const t = v.timing;
      const inWindow = after[i].filter((d) => d < origin + H);
      const first = expectedOrders(t.predictive, t.pActive, v.continuation, t.elapsedDays, H);
      acc.actual[v.cell] += inWindow.length;
      acc.predicted[v.cell] += first;
      features.push(v.features);
      labels.push(inWindow.length > 0);
      originOf.push(k);
      if (inWindow.length > 0)
        windows.push({
          predictive: t.predictive,
          elapsedDays: t.elapsedDays,
          gapDays: inWindow[0] - b[b.length - 1].day,
          horizonDays: H,
        });
      // The first reorder up to now, on the horizon this origin can see (90 days at the newest, 315 at the oldest).
      if (after[i].length > 0)
        longWindows.push({
          predictive: t.predictive,
          elapsedDays: t.elapsedDays,
          gapDays: after[i][0] - b[b.length - 1].day,
          horizonDays: span,
        });
      if (span > H) {
        const cls = late[tenureClass(v.tenureDays)];
        cls.actual += after[i].length - inWindow.length;
        cls.predicted += expectedOrders(t.predictive, t.pActive, v.continuation, t.elapsedDays, span) - first;
      }
    });
    if (span > H) for (const [k, c] of late.entries()) tenureCells.push({ origin, tenureClass: k, ...c });
  }
  if (origins === 0) return null;
  const pooled = sum(acc.actual) / Math.max(sum(acc.predicted), 1e-9);
  const orderFactors = Array.from(acc.actual, (a, c) =>
    clamp((a + CELL_PSEUDO_ORDERS * pooled) / (acc.predicted[c] + CELL_PSEUDO_ORDERS)),
  );
  const rankIdx = evenSample(
    features.map((_, i) => i),
    MAX_RANKER_ROWS,
  );
  const hasBoth = labels.some(Boolean) && labels.some((l) => !l);
  return {
    validationDays: H,
    origins,
    rows: features.length,
    orderFactors,
    pooledFactor: clamp(pooled),
    ranker:
      rankIdx.length >= MIN_RANKER_ROWS && hasBoth
        ? fitShrunkRanker({
            features: rankIdx.map((i) => features[i]),
            labels: rankIdx.map((i) => labels[i]),
            originOf: rankIdx.map((i) => originOf[i]),
          }).model
        : null,
    window: withLongLevels(
      learnWindowCalibration(evenSample(windows, MAX_WINDOW_ROWS)),
      evenSample(longWindows, MAX_LONG_WINDOW_ROWS),
    ),
    tenure: learnTenureFactors(tenureCells),
  };
}

function evenSample<T>(all: T[], size: number): T[] {
  if (all.length <= size) return all;
  const stride = all.length / size;
  return Array.from({ length: size }, (_, i) => all[Math.floor(i * stride)]);
}

function sum(a: Float64Array): number {
  let s = 0;
  for (const v of a) s += v;
  return s;
}

function clamp(f: number): number {
  return Number.isFinite(f) ? Math.min(4, Math.max(0.25, f)) : 1;
}
