// calendarDay undoes seasonalDay (the stored due windows are computed in seasonal days and printed as calendar
// dates), and a store without a season maps every day and horizon to itself.
import { describe, expect, it } from "vitest";
import { NO_SEASON } from "../../../../server/src/domain/timing/learn-seasonal-clock.js";
import {
  calendarDay,
  seasonalDay,
  seasonalHorizon,
  seasonalIntensity,
  YEAR_DAYS,
} from "../../../../server/src/domain/timing/seasonal-clock.js";

// A late-November peak with a sharper overtone; the intensity stays above 0.1 all year.
const CLOCK = {
  harmonics: [
    { k: 1, a: 0.55, b: -0.3 },
    { k: 2, a: 0.12, b: 0.1 },
  ],
};
const NOW = 20_000;

describe("calendarDay, the inverse of seasonalDay", () => {
  it("round-trips calendar and seasonal days over three years either side of now", () => {
    for (let day = NOW - 3 * 365; day <= NOW + 3 * 365; day += 7.3) {
      expect(calendarDay(CLOCK, seasonalDay(CLOCK, day, NOW), NOW)).toBeCloseTo(day, 6);
      expect(seasonalDay(CLOCK, calendarDay(CLOCK, day, NOW), NOW)).toBeCloseTo(day, 6);
    }
  });

  it("is the warp's inverse, not the identity: a peak's seasonal month is a shorter calendar stretch", () => {
    const peak = Array.from({ length: 366 }, (_, d) => NOW + d).reduce((best, d) =>
      seasonalIntensity(CLOCK, d) > seasonalIntensity(CLOCK, best) ? d : best,
    );
    const s = seasonalDay(CLOCK, peak, NOW);
    const calendarMonth = calendarDay(CLOCK, s + 15, NOW) - calendarDay(CLOCK, s - 15, NOW);
    expect(calendarMonth).toBeLessThan(30 / 1.3);
    // Anchored at now: now maps to itself both ways, and a year of seasonal days is a calendar year.
    expect(calendarDay(CLOCK, NOW, NOW)).toBeCloseTo(NOW, 9);
    expect(calendarDay(CLOCK, NOW + YEAR_DAYS, NOW)).toBeCloseTo(NOW + YEAR_DAYS, 6);
  });

  it("leaves days and horizons unchanged for a store without a season", () => {
    expect(calendarDay(NO_SEASON, NOW + 12.25, NOW)).toBe(NOW + 12.25);
    expect(seasonalHorizon(NO_SEASON, NOW, 90)).toBe(90);
    expect(seasonalHorizon(CLOCK, NOW, 90)).not.toBeCloseTo(90, 0);
  });
});
