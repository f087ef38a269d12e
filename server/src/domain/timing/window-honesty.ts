import { lnGamma } from "../btyd/special";
import { gapCdf, type GapPredictive } from "./gap-model";
import { studentTCdf } from "./student-t";
import { calibrate, type WindowCalibration, type WindowRow } from "./window-calibration";

/** The promise a 10–90 % window makes: about this share of customers who do reorder do so inside it. */
export const TARGET_COVERAGE = 0.8;

/** Empirical coverage of the window on the store's own rolling-origin validation, before and after widening. */
export interface WindowCoverage {
  /** Reorderers in the validation whose window was shown (no wider than the validation horizon). */
  rows: number;
  /** Coverage with the likelihood-fitted window alone. */
  before: number;
  /** Coverage after multiplying its spread by `widen` (the window the store now prints). */
  after: number;
  /** Share of validation reorderers shown a window (the rest read "not expected within N days"). */
  shownShare: number;
}

/** Days after the last order: the conditional 10–90 % window of the next order, given `elapsed` silent days. */
export function conditionalWindow(p: GapPredictive, elapsed: number): { early: number; late: number } {
  const f0 = gapCdf(p, elapsed);
  const at = (q: number) => Math.exp(p.loc + p.scale * tQuantile(q, p.nu));
  return { early: at(f0 + 0.1 * (1 - f0)), late: at(f0 + 0.9 * (1 - f0)) };
}

/**
 * Student-t quantile by safeguarded Newton steps (a handful of CDF calls, where student-t.ts's memoised bisection
 * takes 100): the window search below evaluates thousands of distinct quantiles.
 */
export function tQuantile(q: number, nu: number): number {
  const logNorm = lnGamma((nu + 1) / 2) - lnGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI);
  let lo = -1e3, hi = 1e3, x = 0;
  for (let i = 0; i < 60; i++) {
    const f = studentTCdf(x, nu) - q;
    if (Math.abs(f) < 1e-12) break;
    if (f < 0) lo = x;
    else hi = x;
    const pdf = Math.exp(logNorm - ((nu + 1) / 2) * Math.log1p((x * x) / nu));
    let next = x - f / pdf;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) < 1e-10 * (1 + Math.abs(x))) { x = next; break; }
    x = next;
  }
  return x;
}

/** A window wider than the horizon tells a merchant nothing: say "not expected within N days" instead. */
export function windowTooWide(w: { early: number; late: number }, horizonDays: number): boolean {
  return w.late - w.early > horizonDays;
}

/** Whole days, ends included (the backtest's rule). */
export function insideWindow(w: { early: number; late: number }, gapDays: number): boolean {
  return gapDays >= Math.floor(w.early) && gapDays <= Math.ceil(w.late);
}

/** Coverage among rows shown a window, and the share shown. */
export function windowCoverage(rows: WindowRow[], w: WindowCalibration): { coverage: number; shown: number } {
  let shown = 0, hits = 0;
  for (const r of rows) {
    const win = conditionalWindow(calibrate(r.predictive, w), r.elapsedDays);
    if (windowTooWide(win, r.horizonDays)) continue;
    shown++;
    if (insideWindow(win, r.gapDays)) hits++;
  }
  return { coverage: shown ? hits / shown : NaN, shown: rows.length ? shown / rows.length : NaN };
}

/** Fewer validation reorderers than this: keep the likelihood fit as it is. */
const MIN_ROWS = 50;
/** How far the spread may move either way: a coarse grid on ln(widen), then bisection inside the first crossing. */
const WIDEN_GRID = Array.from({ length: 13 }, (_, i) => Math.exp(Math.log(0.4) + (i / 12) * Math.log(3 / 0.4)));
const BISECTIONS = 8;

/**
 * The likelihood fit centres the window; this sets its width so that TARGET_COVERAGE of the store's own
 * validation reorderers who were shown a window fell inside it. A wider spread covers more, but the shown set
 * shrinks as windows widen (and can empty), so the curve is only nearly monotone: scan, then refine the first
 * crossing; the widen closest to the target wins (ties: the likelihood fit, widen 1).
 */
export function honestWindow(rows: WindowRow[], fitted: WindowCalibration): WindowCalibration {
  const at = (widen: number) => ({ widen, ...windowCoverage(rows, { ...fitted, widen }) });
  const before = at(1);
  if (rows.length < MIN_ROWS || !Number.isFinite(before.coverage)) return { ...fitted, widen: 1 };
  const tried = [before, ...WIDEN_GRID.map(at)];
  const k = tried.findIndex((c, i) => i > 1 && tried[i - 1].coverage < TARGET_COVERAGE && c.coverage >= TARGET_COVERAGE);
  if (k > 1) {
    let lo = tried[k - 1], hi = tried[k];
    for (let i = 0; i < BISECTIONS; i++) {
      const mid = at(Math.sqrt(lo.widen * hi.widen));
      tried.push(mid);
      if (mid.coverage < TARGET_COVERAGE) lo = mid;
      else hi = mid;
    }
  }
  const best = tried.filter((c) => Number.isFinite(c.coverage))
    .reduce((b, c) => (Math.abs(c.coverage - TARGET_COVERAGE) < Math.abs(b.coverage - TARGET_COVERAGE) - 1e-9 ? c : b));
  const coverage: WindowCoverage = { rows: rows.length, before: round(before.coverage), after: round(best.coverage), shownShare: round(best.shown) };
  return { ...fitted, widen: best.widen, coverage };
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
