/**
 * Orders beyond the first validation window, by tenure (days since the first order) relative to the store's
 * established customers. Rolling-origin validation inside the data before `now` shows newly acquired customers
 * keep buying at their early pace for about one window and then fall off faster than long-standing ones, so the
 * later part of a long horizon is scaled per tenure class. Only the relative effect is learned: each origin gets
 * its own level (a season or a weak year moves every class alike and is not carried forward).
 */
export interface TenureCalibration {
  /** Lower edges of classes 1.. in days; class 0 is below edges[0]. */
  edges: number[];
  /** actual ÷ predicted later orders per class, relative to the longest-tenure class seen (factor 1). */
  factors: number[];
}

export const TENURE_EDGES = [60, 120, 180];

/** Later-part actual and predicted orders of one tenure class at one validation origin. */
export interface TenureCell {
  origin: number;
  tenureClass: number;
  actual: number;
  predicted: number;
}

/** Pseudo-orders pulling a class's factor toward 1 (the established customers). */
const PSEUDO_ORDERS = 50;
/** A class needs this many predicted orders to serve as the reference. */
const MIN_REFERENCE_ORDERS = 100;

export function tenureClass(tenureDays: number, edges: number[] = TENURE_EDGES): number {
  let c = 0;
  while (c < edges.length && tenureDays >= edges[c]) c++;
  return c;
}

export function tenureFactor(cal: TenureCalibration | null | undefined, tenureDays: number): number {
  return cal ? (cal.factors[tenureClass(tenureDays, cal.edges)] ?? 1) : 1;
}

/**
 * Poisson fit of actual ≈ predicted · level(origin) · factor(class) by alternating closed-form updates,
 * then factors divided by the reference class's (the longest tenure with enough evidence) and shrunk toward 1.
 * Classes longer than the reference keep 1. Null when no class can serve as the reference.
 */
export function learnTenureFactors(cells: TenureCell[], edges: number[] = TENURE_EDGES): TenureCalibration | null {
  const classes = edges.length + 1;
  const origins = [...new Set(cells.map((c) => c.origin))];
  const level = new Map(origins.map((o) => [o, 1]));
  const factor = new Array(classes).fill(1);
  const actualBy = new Array(classes).fill(0),
    predictedBy = new Array(classes).fill(0);
  for (const c of cells) {
    actualBy[c.tenureClass] += c.actual;
    predictedBy[c.tenureClass] += c.predicted;
  }
  let ref = -1;
  for (let k = 0; k < classes; k++) if (predictedBy[k] >= MIN_REFERENCE_ORDERS) ref = k;
  if (ref < 0) return null;
  for (let it = 0; it < 50; it++) {
    for (const o of origins) {
      let a = 0,
        p = 0;
      for (const c of cells) {
        if (c.origin !== o) continue;
        a += c.actual;
        p += c.predicted * factor[c.tenureClass];
      }
      level.set(o, p > 0 ? a / p : 1);
    }
    for (let k = 0; k < classes; k++) {
      let p = 0;
      for (const c of cells) if (c.tenureClass === k) p += c.predicted * level.get(c.origin)!;
      factor[k] = p > 0 ? actualBy[k] / p : 1;
    }
  }
  if (!(factor[ref] > 0)) return null;
  const relative = factor.map((_, k) => {
    if (k >= ref || predictedBy[k] <= 0) return 1;
    // The orders this class would have had at the reference class's factor, against its actual orders,
    // with PSEUDO_ORDERS at factor 1.
    let atReference = 0;
    for (const c of cells) if (c.tenureClass === k) atReference += c.predicted * level.get(c.origin)! * factor[ref];
    return clamp((actualBy[k] + PSEUDO_ORDERS) / (atReference + PSEUDO_ORDERS));
  });
  return { edges: [...edges], factors: relative };
}

function clamp(f: number): number {
  return Number.isFinite(f) ? Math.min(4, Math.max(0.25, f)) : 1;
}
