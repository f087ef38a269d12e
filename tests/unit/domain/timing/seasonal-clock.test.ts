// The seasonal clock is learned from the store's own orders: a yearly peak is found (amplitude and date, on the
// date even while the store is still growing), a growing store without a season, or one with under two years of
// history, gets the identity clock (its predictions unchanged), and a whole year of seasonal days is a calendar
// year. Stores come from the synthetic generator, whose season is known: customers' gaps run on its clock.
import { describe, expect, it } from "vitest";
import { generateStore } from "../../../../server/src/domain/synthetic/generate-store.js";
import { regimeNamed, type Regime } from "../../../../server/src/domain/synthetic/regimes.js";
import { learnSeasonalClock } from "../../../../server/src/domain/timing/learn-seasonal-clock.js";
import {
  seasonalDay,
  seasonalIntensity,
  type SeasonalClock,
} from "../../../../server/src/domain/timing/seasonal-clock.js";

const SEASONAL = regimeNamed("seasonal-peaks")!;

/** The seasonal-peaks regime with its season set (peak on day `peakDay` of the store's year), customers over `days`. */
function regimeWith(amplitude: number, peakDay: number, days: number): Regime {
  return {
    ...SEASONAL,
    storeDays: days,
    acquisition: [{ from: 0, to: days, weight: 1 }],
    season: { amplitude, peakDay },
  };
}

function learnedAt(regime: Regime, seed: number, cutOffset: number) {
  const store = generateStore(regime, seed, 3000);
  const now = store.startDay + cutOffset;
  return {
    clock: learnSeasonalClock(
      store.customers.map((c) => c.days),
      now,
    ),
    start: store.startDay,
    now,
  };
}

/** The learned peak as a day of the store's year, and its height. */
function peakOf(clock: SeasonalClock, start: number) {
  let day = 0,
    height = -Infinity;
  for (let d = 0; d < 365; d++) {
    const v = seasonalIntensity(clock, start + d);
    if (v > height) [day, height] = [d, v];
  }
  return { day, height };
}

describe("learnSeasonalClock", () => {
  it("finds a yearly peak's amplitude and date from three years of orders", () => {
    const { clock, start, now } = learnedAt(regimeWith(0.6, 320, 3 * 365), 5, 3 * 365);
    expect(clock.harmonics.length).toBeGreaterThan(0);
    const peak = peakOf(clock, start);
    expect(Math.abs(peak.day - 320)).toBeLessThanOrEqual(6);
    expect(peak.height).toBeGreaterThan(1.45);
    expect(seasonalIntensity(clock, start + 320 + 182)).toBeLessThan(0.55);
    // A year of seasonal days is a calendar year; the peak's month counts for more than the trough's.
    expect(seasonalDay(clock, now - 365.2425, now)).toBeCloseTo(now - 365.2425, 0);
    const month = (from: number) => seasonalDay(clock, from + 30, now) - seasonalDay(clock, from, now);
    expect(month(start + 365 + 320 - 15)).toBeGreaterThan(1.4 * 30);
    expect(month(start + 365 + 320 + 167)).toBeLessThan(0.6 * 30);
  });

  // Fails on the calendar moving rate it replaced: the peak read at day 344, 351, 349 (seeds 1–3): the store's
  // growth read on the calendar, and each peak's new customers reordering a cycle later, pulled it late.
  it("places the peak on its day in a store still growing, two years into its history", () => {
    for (const seed of [1, 2, 3]) {
      const { clock, start } = learnedAt(SEASONAL, seed, 800);
      const peak = peakOf(clock, start);
      expect(Math.abs(peak.day - SEASONAL.season.peakDay)).toBeLessThanOrEqual(6);
      expect(Math.abs(peak.height - (1 + SEASONAL.season.amplitude))).toBeLessThan(0.1);
    }
  });

  it("gives a growing store without a season the identity clock", () => {
    const { clock, now } = learnedAt(regimeWith(0, 0, 3 * 365), 5, 3 * 365);
    expect(clock.harmonics).toEqual([]);
    expect(seasonalDay(clock, now - 100, now)).toBe(now - 100);
  });

  it("reads no season from under two years of history, however strong", () => {
    expect(learnedAt(regimeWith(0.8, 320, 600 + 365), 5, 600).clock.harmonics).toEqual([]);
  });
});
