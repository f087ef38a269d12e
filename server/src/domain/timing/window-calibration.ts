import { gapCdf, type GapPredictive } from "./gap-model.js";

/** A calibrated gap distribution: ln(gap) location moved by `shift`, its scale multiplied by `scale`. */
export interface WindowCalibration {
  shift: number;
  scale: number;
}

export const IDENTITY_WINDOW: WindowCalibration = { shift: 0, scale: 1 };

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
  return w;
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
