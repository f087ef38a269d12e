import type { PurchaseDay } from "./purchase-days.js";
import { seasonalIntensity, YEAR_DAYS, type SeasonalClock } from "./seasonal-clock.js";

export const NO_SEASON: SeasonalClock = { harmonics: [] };

/** Harmonics tried: a yearly wave and its first overtone (a peak sharper than a cosine). */
const HARMONICS = [1, 2];
/** A harmonic is kept only if its power is this unlikely under no season (χ², 2 degrees of freedom): p = 1e-6. */
const MIN_CHI2 = 2 * Math.log(1e6);

/**
 * The store's seasonal clock from its repeat orders before `nowDay`: each order weighted by 1 / the store's
 * centred one-year moving rate (growth and decline cancel), projected on yearly harmonics over whole years. Needs
 * a centred year around at least one whole year (about two years of repeat orders); otherwise, or when no
 * harmonic stands out of the Poisson noise, no season (the identity clock).
 */
export function learnSeasonalClock(customers: PurchaseDay[][], nowDay: number): SeasonalClock {
  const repeats: number[] = [];
  for (const days of customers)
    for (let i = 1; i < days.length; i++) if (days[i].day < nowDay) repeats.push(days[i].day);
  if (repeats.length === 0) return NO_SEASON;
  const first = repeats.reduce((m, d) => Math.min(m, d), Infinity);
  const half = Math.floor(YEAR_DAYS / 2);
  const years = Math.floor((nowDay - half - (first + half)) / YEAR_DAYS);
  if (years < 1) return NO_SEASON;
  const span = years * YEAR_DAYS;
  const start = nowDay - half - span;
  // Prefix counts of repeat orders per day since `first`, for the centred moving rate.
  const counts = new Float64Array(nowDay - first + 1);
  for (const d of repeats) counts[d - first + 1]++;
  for (let i = 1; i < counts.length; i++) counts[i] += counts[i - 1];
  const rate = (d: number) => (counts[d + half - first + 1] - counts[d - half - first]) / (2 * half + 1);
  const sums = HARMONICS.map(() => ({ c: 0, s: 0 }));
  let w2 = 0;
  for (const d of repeats) {
    if (d < start || d >= start + span) continue;
    const w = 1 / rate(d);
    w2 += w * w;
    HARMONICS.forEach((k, j) => {
      const x = (2 * Math.PI * k * d) / YEAR_DAYS;
      sums[j].c += w * Math.cos(x);
      sums[j].s += w * Math.sin(x);
    });
  }
  const se2 = (2 * w2) / (span * span);
  const harmonics = HARMONICS.map((k, j) => ({ k, a: (2 * sums[j].c) / span, b: (2 * sums[j].s) / span })).filter(
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
