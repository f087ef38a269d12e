/**
 * A store's seasonal clock: ordering intensity over the year, 1 + Σ_k a_k·cos(ω_k·day) + b_k·sin(ω_k·day)
 * (ω_k = 2πk / year, day = day index), learned from the store's own history (learn-seasonal-clock.ts). Customers'
 * gaps, silences and horizons are read in "seasonal days", the calendar warped by the cumulative intensity: a
 * peak's days count more, a trough's less. No harmonics is the identity (a store without a season).
 */
export interface SeasonalClock {
  harmonics: { k: number; a: number; b: number }[];
}

export const YEAR_DAYS = 365.2425;

export function seasonalIntensity(clock: SeasonalClock, day: number): number {
  let v = 1;
  for (const h of clock.harmonics) {
    const w = (2 * Math.PI * h.k) / YEAR_DAYS;
    v += h.a * Math.cos(w * day) + h.b * Math.sin(w * day);
  }
  return v;
}

/** ∫ intensity from 0 to `day` (closed form): seasonal days since day 0. */
function cumulative(clock: SeasonalClock, day: number): number {
  let v = day;
  for (const h of clock.harmonics) {
    const w = (2 * Math.PI * h.k) / YEAR_DAYS;
    v += (h.a * Math.sin(w * day) - h.b * Math.cos(w * day) + h.b) / w;
  }
  return v;
}

/** Seasonal day of calendar `day`, anchored so `anchor` (the cutoff, "now") maps to itself. */
export function seasonalDay(clock: SeasonalClock, day: number, anchor: number): number {
  if (clock.harmonics.length === 0) return day;
  return anchor + cumulative(clock, day) - cumulative(clock, anchor);
}

/** Calendar day whose seasonal day is `seasonal` (the inverse of seasonalDay, same anchor). */
export function calendarDay(clock: SeasonalClock, seasonal: number, anchor: number): number {
  if (clock.harmonics.length === 0) return seasonal;
  // Solve cumulative(d) = target: increasing in d (intensity > 0), and cumulative(d) − d is bounded by
  // Σ(|a| + 2|b|)/ω, which brackets the root. Newton steps (a few), falling back to bisection off the bracket.
  const target = seasonal - anchor + cumulative(clock, anchor);
  const band = clock.harmonics.reduce(
    (s, h) => s + (Math.abs(h.a) + 2 * Math.abs(h.b)) / ((2 * Math.PI * h.k) / YEAR_DAYS),
    0,
  );
  let lo = target - band - 1,
    hi = target + band + 1;
  let d = Math.min(hi, Math.max(lo, seasonal));
  for (let i = 0; i < 100; i++) {
    const f = cumulative(clock, d) - target;
    if (f < 0) lo = d;
    else hi = d;
    const newton = d - f / seasonalIntensity(clock, d);
    const next = newton > lo && newton < hi ? newton : (lo + hi) / 2;
    if (Math.abs(next - d) < 1e-9) return next;
    d = next;
  }
  return d;
}

/** Seasonal days in the `horizonDays` calendar days after `nowDay` (the horizon read on the clock). */
export function seasonalHorizon(clock: SeasonalClock, nowDay: number, horizonDays: number): number {
  return seasonalDay(clock, nowDay + horizonDays, nowDay) - nowDay;
}

/** Purchase days read on the seasonal clock (same orders, days warped; anchored at `anchor`). */
export function inSeasonalTime<T extends { day: number }>(clock: SeasonalClock, days: T[], anchor: number): T[] {
  if (clock.harmonics.length === 0) return days;
  return days.map((d) => ({ ...d, day: seasonalDay(clock, d.day, anchor) }));
}
