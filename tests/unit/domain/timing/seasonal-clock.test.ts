// The seasonal clock is learned from the store's own repeat orders: a yearly peak is found (amplitude and date),
// a growing store without a season, or one with under two years of history, gets the identity clock (its
// predictions unchanged), and a whole year of seasonal days is a calendar year.
import { describe, expect, it } from "vitest";
import { learnSeasonalClock } from "../../../../server/src/domain/timing/learn-seasonal-clock.js";
import type { PurchaseDay } from "../../../../server/src/domain/timing/purchase-days.js";
import { seasonalDay, seasonalIntensity, YEAR_DAYS } from "../../../../server/src/domain/timing/seasonal-clock.js";

const START = 19_000; // a day index (2022-01-08)
const PEAK = START + 320;

/** Repeat orders per day: a base growing tenfold over the history times 1 + amplitude·cos(peak); each a 2-order customer. */
function storeWithSeason(amplitude: number, days: number): PurchaseDay[][] {
  let seed = 7;
  const rand = () => {
    seed = (seed * 48_271) % 2_147_483_647; // Park–Miller: exact in doubles
    return seed / 2_147_483_647;
  };
  const out: PurchaseDay[][] = [];
  for (let d = START; d < START + days; d++) {
    const mean =
      6 * (0.2 + (1.8 * (d - START)) / days) * (1 + amplitude * Math.cos((2 * Math.PI * (d - PEAK)) / YEAR_DAYS));
    // Poisson by multiplying uniforms (Knuth); the mean stays under ~20.
    let k = -1;
    for (let p = 1; p > Math.exp(-mean); p *= rand()) k++;
    for (let i = 0; i < k; i++) out.push([order(d - 40), order(d)]);
  }
  return out;
}

function order(day: number): PurchaseDay {
  return { day, amount: 10, quantities: new Map([["candle", 1]]), titles: new Map() };
}

describe("learnSeasonalClock", () => {
  it("finds a yearly peak's amplitude and date from three years of repeat orders", () => {
    const now = START + 3 * 365;
    const clock = learnSeasonalClock(storeWithSeason(0.6, 3 * 365), now);
    expect(clock.harmonics.length).toBeGreaterThan(0);
    expect(seasonalIntensity(clock, PEAK + 365)).toBeGreaterThan(1.45);
    expect(seasonalIntensity(clock, PEAK + 365 + 182)).toBeLessThan(0.55);
    // A year of seasonal days is a calendar year; the peak's month counts for more than the trough's.
    expect(seasonalDay(clock, now - YEAR_DAYS, now)).toBeCloseTo(now - YEAR_DAYS, 0);
    const month = (from: number) => seasonalDay(clock, from + 30, now) - seasonalDay(clock, from, now);
    expect(month(PEAK + 365 - 15)).toBeGreaterThan(1.4 * 30);
    expect(month(PEAK + 365 + 167)).toBeLessThan(0.6 * 30);
  });

  it("gives a growing store without a season the identity clock", () => {
    const now = START + 3 * 365;
    const clock = learnSeasonalClock(storeWithSeason(0, 3 * 365), now);
    expect(clock.harmonics).toEqual([]);
    expect(seasonalDay(clock, now - 100, now)).toBe(now - 100);
  });

  it("reads no season from under two years of history, however strong", () => {
    const now = START + 600;
    expect(learnSeasonalClock(storeWithSeason(0.8, 600), now).harmonics).toEqual([]);
  });
});
