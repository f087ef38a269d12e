import { normalPdf, normalSurvival } from "./normal.js";
import { RETENTION_CLASSES, retentionClass } from "./retention.js";

/** One customer for the store-level fit: their observed ln(gaps) and the open gap since the last purchase. */
export interface GapObservation {
  logGaps: number[];
  /** Days since the last purchase (the open, censored gap). */
  elapsedDays: number;
}

/** Store-level gap norms: customer rhythms μ_i ~ N(m0, τ²), gaps ln g ~ N(μ_i, σw²), return probability π_k. */
export interface PopulationGaps {
  m0: number;
  tau2: number;
  sigmaW2: number;
  retention: number[];
}

const PSEUDO = 5;

/**
 * EM for a hierarchical cure-rate log-normal model. Each customer's open gap is censored: either the customer
 * is gone (prob 1 − w) or still in a gap longer than the silence so far, which is evidence of a slower rhythm.
 * Counting customers (not gaps) and using the open gaps is what keeps one-time buyers from looking like fast
 * buyers who died: only short gaps fit inside a short history.
 */
export function fitPopulationGaps(obs: GapObservation[], iterations = 200, start?: PopulationGaps): PopulationGaps {
  const returned = new Float64Array(RETENTION_CLASSES);
  const stats = obs.map((o) => {
    for (let k = 1; k <= o.logGaps.length; k++) returned[retentionClass(k)]++;
    const n = o.logGaps.length;
    const mean = n ? o.logGaps.reduce((s, v) => s + v, 0) / n : 0;
    const ss = o.logGaps.reduce((s, v) => s + (v - mean) ** 2, 0);
    return { n, mean, ss, c: Math.log(Math.max(o.elapsedDays, 0.5)), cls: retentionClass(n + 1) };
  });
  const withGaps = stats.filter((s) => s.n > 0);
  // A start from a related fit (the same customers on another scale) only saves iterations.
  let m0 = withGaps.length ? withGaps.reduce((s, v) => s + v.mean, 0) / withGaps.length : Math.log(30);
  let tau2 = start?.tau2 ?? 0.5,
    sigmaW2 = start?.sigmaW2 ?? 0.5;
  let retention = start ? [...start.retention] : new Array(RETENTION_CLASSES).fill(0.5);
  for (let it = 0; it < iterations; it++) {
    let sMu = 0,
      sMu2 = 0,
      within = 0,
      nGaps = 0;
    const wBy = new Float64Array(RETENTION_CLASSES),
      cBy = new Float64Array(RETENTION_CLASSES);
    for (const s of stats) {
      const v = 1 / (1 / tau2 + s.n / sigmaW2);
      const m = v * (m0 / tau2 + (s.n * s.mean) / sigmaW2);
      const sd = Math.sqrt(v + sigmaW2);
      const a = (s.c - m) / sd;
      const surv = normalSurvival(a);
      const pi = retention[s.cls];
      const w = (pi * surv) / (pi * surv + 1 - pi);
      const lambda = surv > 1e-300 ? normalPdf(a) / surv : a;
      const ey = m + sd * lambda;
      const vy = sd * sd * Math.max(1 + a * lambda - lambda * lambda, 1e-9);
      const k = v / (v + sigmaW2);
      const muAlive = m + k * (ey - m);
      const varAlive = v * (1 - k) + k * k * vy;
      const eMu = w * muAlive + (1 - w) * m;
      const eMu2 = w * (varAlive + muAlive * muAlive) + (1 - w) * (v + m * m);
      sMu += eMu;
      sMu2 += eMu2;
      if (s.n > 0) {
        within += s.ss + s.n * ((s.mean - eMu) ** 2 + Math.max(eMu2 - eMu * eMu, 0));
        nGaps += s.n;
      }
      // The open gap of a customer still buying is a gap too, longer than the silence so far: its expected share of
      // (y − μ)² counts toward the within spread. Completed gaps alone are the short ones in a young history
      // (σw 0.43 of 0.46 in the synthetic young store), which called silent customers gone too soon.
      const share = sigmaW2 / (sd * sd);
      within += w * (share * share * (vy + (ey - m) ** 2) + v * share);
      nGaps += w;
      wBy[s.cls] += w;
      cBy[s.cls] += 1;
    }
    const next = sMu / stats.length;
    tau2 = Math.max(sMu2 / stats.length - next * next, 0.01);
    sigmaW2 = nGaps > 0 ? Math.max(within / nGaps, 0.02) : sigmaW2;
    retention = shrinkTowardPreviousClass(returned, wBy, cBy);
    const done = Math.abs(next - m0) < 1e-7;
    m0 = next;
    if (done && it > 5) break;
  }
  return { m0, tau2, sigmaW2, retention };
}

/**
 * Each class's π from its returned and expected-still-buying customers, with PSEUDO customers at a prior: π_1 at the
 * pooled rate, π_2 at the repeat buyers' pooled rate, π_k at π_(k−1). Why not the pooled rate for all: the first
 * return is the store's conversion, so the pooled rate is mostly π_1 (0.15 in a store of one-time buyers) and thin
 * later classes were dragged from ~0.85 toward 0.3 (one-timers store: orders −29 % at 365 days); customers who
 * survive k orders are the stickier ones, so the class below is the nearest honest guess.
 */
function shrinkTowardPreviousClass(returned: Float64Array, wBy: Float64Array, cBy: Float64Array): number[] {
  const pooledFrom = (from: number) => {
    let r = 0,
      n = 0;
    for (let c = from; c < RETENTION_CLASSES; c++) {
      r += returned[c] + wBy[c];
      n += returned[c] + cBy[c];
    }
    return n > 0 ? r / n : 0.5;
  };
  const out: number[] = [];
  for (let c = 0; c < RETENTION_CLASSES; c++) {
    const prior = c === 0 ? pooledFrom(0) : c === 1 ? pooledFrom(1) : out[c - 1];
    out.push(clamp((returned[c] + wBy[c] + PSEUDO * prior) / (returned[c] + cBy[c] + PSEUDO)));
  }
  return out;
}

function clamp(p: number): number {
  return Math.min(0.999, Math.max(0.001, p));
}
