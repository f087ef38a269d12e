import { gapCdf, type GapPredictive } from "./gap-model.js";

/**
 * A calibrated gap distribution: ln(gap) location moved by `shift`, its scale multiplied by `scale`; and where in
 * that distribution (restricted to the validation horizon) the 10th and 90th percentiles of the store's actual
 * next orders fell, so the stated window covers 80 % of them however the shape misfits (absent in models stored
 * before it existed: 0.1 and 0.9).
 */
export interface WindowCalibration {
  shift: number;
  scale: number;
  lower?: number;
  upper?: number;
  /**
   * The same levels learned on each origin's first reorder up to now (horizons of 90 to 315 days, their mean
   * `horizonDays`), for windows stated over longer horizons than the validation's: a misfit of the shape's tails
   * that a 90-day window hides widens a 365-day one (absent in models stored before it existed: lower and upper).
   */
  long?: WindowLevels & { horizonDays: number };
}

/** Where in the within-horizon distribution a stated window starts and ends. */
export interface WindowLevels {
  lower: number;
  upper: number;
}

export const IDENTITY_WINDOW: WindowCalibration = { shift: 0, scale: 1 };

/** The share of reorderers a window promises to hold (the 10–90 % window). */
export const WINDOW_COVERAGE = 0.8;

/** One validation customer who reordered: silence at the validation start, the gap that came, the horizon. */
export interface WindowRow {
  predictive: GapPredictive;
  elapsedDays: number;
  gapDays: number;
  horizonDays: number;
}

export function calibrate(p: GapPredictive, w: WindowCalibration): GapPredictive {
  return { ...p, loc: p.loc + w.shift, scale: p.scale * w.scale };
}

/**
 * Maximum likelihood of the observed next-order day, given that it came inside the validation horizon
 * (the same conditioning as the backtest's "inside the window" share), by alternating golden-section searches.
 */
export function learnWindowCalibration(rows: WindowRow[]): WindowCalibration {
  if (rows.length < 30) return IDENTITY_WINDOW;
  let w = { ...IDENTITY_WINDOW };
  for (let round = 0; round < 2; round++) {
    w = { ...w, shift: goldenMax((s) => logLik(rows, { ...w, shift: s }), -1, 1) };
    w = {
      ...w,
      scale: Math.exp(goldenMax((ls) => logLik(rows, { ...w, scale: Math.exp(ls) }), Math.log(0.4), Math.log(3))),
    };
  }
  return { ...w, ...learnWindowLevels(rows, w) };
}

/**
 * The levels of the within-horizon distribution (next-order-window.ts) at which the stated window should end so
 * that 10 % of the validation reorderers fall before it and 10 % after it, on whole days as the window is stated:
 * day g is inside [floor(x_lo), floor(x_hi)] iff G(g + 1) > lower and G(g) ≤ upper.
 */
export function learnWindowLevels(rows: WindowRow[], w: WindowCalibration): WindowLevels {
  const tail = (1 - WINDOW_COVERAGE) / 2;
  const before: number[] = [],
    after: number[] = [];
  for (const r of rows) {
    const p = calibrate(r.predictive, w);
    before.push(withinHorizonCdf(p, r.elapsedDays, r.horizonDays, r.gapDays + 1));
    after.push(withinHorizonCdf(p, r.elapsedDays, r.horizonDays, r.gapDays));
  }
  return { lower: quantile(before, tail), upper: Math.max(quantile(after, 1 - tail), quantile(before, tail)) };
}

/**
 * The levels of a window stated over `horizon` days: the validation horizon's (`validationDays`) up to it, the long
 * levels from their mean horizon on, and in between the straight line from one to the other, so a seasonal store's
 * horizon (in seasonal days, which vary with the season) moves its window smoothly. So a seasonal store's stored
 * 90-day window uses slightly blended levels where 90 calendar days read as more than 90 seasonal days (the 90-day
 * levels were learned on 90 seasonal days).
 */
export function windowLevels(w: WindowCalibration | undefined, validationDays: number, horizon: number): WindowLevels {
  const short = { lower: w?.lower ?? 0.1, upper: w?.upper ?? 0.9 };
  const long = w?.long;
  if (!long || horizon <= validationDays) return short;
  const t = Math.min(1, (horizon - validationDays) / Math.max(long.horizonDays - validationDays, 1e-9));
  return {
    lower: short.lower + t * (long.lower - short.lower),
    upper: short.upper + t * (long.upper - short.upper),
  };
}

/**
 * Levels for windows stated beyond the validation horizon (windowLevels), learned with the shift and scale already
 * learned on rows whose horizons are the origins' own (each origin's first reorder up to now); none from too few.
 */
export function withLongLevels(w: WindowCalibration, rows: WindowRow[]): WindowCalibration {
  if (w.lower === undefined || rows.length < 30) return w;
  const horizonDays = rows.reduce((s, r) => s + r.horizonDays, 0) / rows.length;
  return { ...w, long: { ...learnWindowLevels(rows, w), horizonDays } };
}

/** G(days): P(next gap ≤ days | it ends after `elapsed` and within `horizon` more days), 0..1. */
export function withinHorizonCdf(p: GapPredictive, elapsed: number, horizon: number, days: number): number {
  const f0 = gapCdf(p, elapsed);
  const den = gapCdf(p, elapsed + horizon) - f0;
  // A distribution with (numerically) no mass in the horizon: any day in it is as likely as another.
  if (!(den > 1e-12)) return clamp01((days - elapsed) / horizon);
  return clamp01((gapCdf(p, Math.min(days, elapsed + horizon)) - f0) / den);
}

function quantile(v: number[], q: number): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

export function logLik(rows: WindowRow[], w: WindowCalibration): number {
  let ll = 0;
  for (const r of rows) {
    const p = calibrate(r.predictive, w);
    const f0 = gapCdf(p, r.elapsedDays);
    const den = gapCdf(p, r.elapsedDays + r.horizonDays) - f0;
    const num = gapCdf(p, r.gapDays + 0.5) - gapCdf(p, Math.max(r.gapDays - 0.5, r.elapsedDays));
    ll += Math.log(Math.max(num, 1e-12)) - Math.log(Math.max(den, 1e-12));
  }
  return ll;
}

function goldenMax(f: (x: number) => number, lo: number, hi: number, iterations = 14): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo,
    b = hi;
  let c = b - g * (b - a),
    d = a + g * (b - a);
  let fc = f(c),
    fd = f(d);
  for (let i = 0; i < iterations; i++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}
