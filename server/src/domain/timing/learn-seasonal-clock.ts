import type { PurchaseDay } from "./purchase-days.js";
import { seasonalDay, seasonalIntensity, YEAR_DAYS, type SeasonalClock } from "./seasonal-clock.js";

export const NO_SEASON: SeasonalClock = { harmonics: [] };

/** Harmonics tried: a yearly wave and its first overtone (a peak sharper than a cosine). */
const HARMONICS = [1, 2];
/** A harmonic is kept only if its power is this unlikely under no season (χ², 2 degrees of freedom): p = 1e-6. */
const MIN_CHI2 = 2 * Math.log(1e6);
/** Passes of the fixed point (each reads the customers' ages on the previous pass's clock); it settles in 2–3. */
const PASSES = 4;

interface Repeat {
  day: number;
  /** Index of the customer's first order in `firsts`. */
  owner: number;
}

/**
 * The store's seasonal clock from its orders before `nowDay`: the repeat orders of the last whole years, each
 * weighted by 1 / the repeat orders the store's customers would place that day without a season (its exposure),
 * projected on yearly harmonics. Needs about two years of repeat orders; otherwise, or when no harmonic stands out
 * of the Poisson noise, no season (the identity clock).
 *
 * The exposure on a seasonal day s is Σ over customers of h(s − their first order's seasonal day), h the store's
 * repeat orders per customer per seasonal day of age: a customer's orders run on the seasonal clock from their
 * first order on. Why not a centred moving rate of repeat orders (before): in a growing store the orders arrive
 * at intensity × growth read on seasonal days, and the moving rate leaves growth's slope × the warp in the
 * profile, and each peak's new customers reorder a cycle later. Both moved the peak late: on the synthetic
 * seasonal store (peak day 330) it was read at 336–351, 344–351 at day 800, and at 333–340 when its customers
 * arrive evenly over the calendar; now 328–332 either way. h and the ages need the clock, so it is a fixed point
 * from the calendar.
 */
export function learnSeasonalClock(customers: PurchaseDay[][], nowDay: number): SeasonalClock {
  const firsts: number[] = [];
  const repeats: Repeat[] = [];
  for (const days of customers) {
    if (days.length === 0 || days[0].day >= nowDay) continue;
    const owner = firsts.length;
    firsts.push(days[0].day);
    for (let i = 1; i < days.length; i++) if (days[i].day < nowDay) repeats.push({ day: days[i].day, owner });
  }
  if (repeats.length === 0) return NO_SEASON;
  const first = repeats.reduce((m, r) => Math.min(m, r.day), Infinity);
  const half = Math.floor(YEAR_DAYS / 2);
  const years = Math.floor((nowDay - half - (first + half)) / YEAR_DAYS);
  if (years < 1) return NO_SEASON;
  let clock = NO_SEASON;
  for (let pass = 0; pass < PASSES && (pass === 0 || clock.harmonics.length > 0); pass++)
    clock = projectOnHarmonics(firsts, repeats, nowDay, years * YEAR_DAYS, clock);
  return clock;
}

/** One pass: the harmonics of the repeat orders of the last `span` days over their exposure read on `clock`. */
function projectOnHarmonics(
  firsts: number[],
  repeats: Repeat[],
  nowDay: number,
  span: number,
  clock: SeasonalClock,
): SeasonalClock {
  const firstSeasonal = firsts.map((d) => seasonalDay(clock, d, nowDay));
  const origin = Math.floor(firstSeasonal.reduce((m, s) => Math.min(m, s), Infinity));
  const bins = nowDay - origin + 1;
  const acquired = new Float64Array(bins);
  const atRisk = new Float64Array(bins);
  for (const s of firstSeasonal) {
    acquired[Math.floor(s) - origin]++;
    atRisk[Math.min(bins - 1, Math.floor(nowDay - s))]++;
  }
  for (let age = bins - 2; age >= 0; age--) atRisk[age] += atRisk[age + 1];
  const repeatSeasonal = repeats.map((r) => seasonalDay(clock, r.day, nowDay));
  const h = new Float64Array(bins);
  repeats.forEach((r, i) => {
    h[Math.floor(repeatSeasonal[i] - firstSeasonal[r.owner])]++;
  });
  for (let age = 0; age < bins; age++) h[age] = atRisk[age] > 0 ? h[age] / atRisk[age] : 0;
  const exposure = new Float64Array(bins).fill(Number.NaN);
  const exposureOn = (s: number) => {
    const bin = Math.floor(s) - origin;
    if (Number.isNaN(exposure[bin])) {
      let e = 0;
      for (let j = 0; j <= bin; j++) e += acquired[j] * h[bin - j];
      exposure[bin] = e;
    }
    return exposure[bin];
  };
  const sums = HARMONICS.map(() => ({ c: 0, s: 0 }));
  let w1 = 0,
    w2 = 0;
  repeats.forEach((r, i) => {
    if (r.day < nowDay - span) return;
    const e = exposureOn(repeatSeasonal[i]);
    if (!(e > 0)) return;
    const w = 1 / e;
    w1 += w;
    w2 += w * w;
    HARMONICS.forEach((k, j) => {
      const x = (2 * Math.PI * k * r.day) / YEAR_DAYS;
      sums[j].c += w * Math.cos(x);
      sums[j].s += w * Math.sin(x);
    });
  });
  if (!(w1 > 0)) return NO_SEASON;
  // Σw estimates ∫ intensity over the span, so dividing by it keeps the year's mean intensity at 1.
  const se2 = (2 * w2) / (w1 * w1);
  const harmonics = HARMONICS.map((k, j) => ({ k, a: (2 * sums[j].c) / w1, b: (2 * sums[j].s) / w1 })).filter(
    (h) => (h.a * h.a + h.b * h.b) / se2 > MIN_CHI2,
  );
  return keepPositive({ harmonics });
}

/** Scales the harmonics down so the intensity stays ≥ 0.1 all year (the warp must stay increasing). */
function keepPositive(clock: SeasonalClock): SeasonalClock {
  if (clock.harmonics.length === 0) return clock;
  let min = Infinity;
  for (let d = 0; d < 366; d++) min = Math.min(min, seasonalIntensity(clock, d));
  if (min >= 0.1) return clock;
  const f = 0.9 / (1 - min);
  return { harmonics: clock.harmonics.map((h) => ({ k: h.k, a: h.a * f, b: h.b * f })) };
}
