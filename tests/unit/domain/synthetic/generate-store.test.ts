import { describe, expect, it } from "vitest";
import { generateStore } from "../../../../server/src/domain/synthetic/generate-store.js";
import { regimeNamed, REGIMES, type Regime } from "../../../../server/src/domain/synthetic/regimes.js";

const regime = (name: string): Regime => regimeNamed(name)!;

describe("synthetic store generator", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    const a = generateStore(regime("monthly-beauty"), 7, 300);
    const b = generateStore(regime("monthly-beauty"), 7, 300);
    const c = generateStore(regime("monthly-beauty"), 8, 300);
    const daysOf = (s: typeof a) =>
      s.customers.map((x) => x.days.map((d) => `${d.day}:${d.amount}`).join(",")).join("|");
    expect(daysOf(a)).toBe(daysOf(b));
    expect(daysOf(a)).not.toBe(daysOf(c));
  });

  it("realises the one-time share it was given, and one-timers order once", () => {
    for (const name of ["monthly-beauty", "one-timers"]) {
      const r = regime(name);
      const s = generateStore(r, 11, 2000);
      const share = s.customers.filter((c) => c.truth.oneTimer).length / s.customers.length;
      const sd = Math.sqrt((r.oneTimeShare * (1 - r.oneTimeShare)) / 2000);
      expect(Math.abs(share - r.oneTimeShare)).toBeLessThan(3 * sd);
      expect(s.customers.filter((c) => c.truth.oneTimer).every((c) => c.days.length === 1)).toBe(true);
    }
  });

  it("realises each customer's cycle: gaps ÷ (units × personal cycle) have median 1 and the given log spread", () => {
    const r = regime("monthly-beauty");
    const s = generateStore(r, 5, 2000);
    const logRatios: number[] = [];
    for (const c of s.customers)
      for (let i = 1; i < c.days.length; i++) {
        const units = [...c.days[i - 1].quantities.values()][0];
        logRatios.push(Math.log((c.days[i].day - c.days[i - 1].day) / (units * c.truth.cycleDays)));
      }
    expect(logRatios.length).toBeGreaterThan(3000);
    const mean = logRatios.reduce((a, v) => a + v, 0) / logRatios.length;
    const sd = Math.sqrt(logRatios.reduce((a, v) => a + (v - mean) ** 2, 0) / logRatios.length);
    // Gaps that would cross the end of the history are not observed, so the realised mean sits slightly low.
    expect(mean).toBeGreaterThan(-0.06);
    expect(mean).toBeLessThan(0.02);
    expect(sd).toBeGreaterThan(r.gapNoise * 0.9);
    expect(sd).toBeLessThan(r.gapNoise * 1.1);
  });

  it("keeps the truth consistent: nothing after a customer left, dropout mean as its Beta", () => {
    const r = regime("mature-lapsed");
    const s = generateStore(r, 3, 2000);
    for (const c of s.customers) {
      if (c.truth.leftAfterDay !== null) expect(c.days[c.days.length - 1].day).toBe(c.truth.leftAfterDay);
      for (let i = 1; i < c.days.length; i++) expect(c.days[i].day).toBeGreaterThan(c.days[i - 1].day);
      expect(c.days[c.days.length - 1].day).toBeLessThan(s.startDay + r.storeDays);
    }
    const repeaters = s.customers.filter((c) => !c.truth.oneTimer);
    const meanP = repeaters.reduce((a, c) => a + c.truth.dropoutP, 0) / repeaters.length;
    expect(meanP).toBeCloseTo(r.dropout.a / (r.dropout.a + r.dropout.b), 1);
    // Most of this store has lapsed by its last cutoff.
    const cut = s.startDay + r.cutoffs[r.cutoffs.length - 1];
    const gone = s.customers.filter((c) => c.truth.leftAfterDay !== null && c.truth.leftAfterDay < cut).length;
    expect(gone / s.customers.length).toBeGreaterThan(0.6);
  });

  it("acquires the young store's customers mostly 3–6 months before its last cutoff", () => {
    const r = regime("young-store");
    const s = generateStore(r, 9, 2000);
    const cut = s.startDay + r.cutoffs[r.cutoffs.length - 1];
    const young = s.customers.filter((c) => cut - c.days[0].day > 90 && cut - c.days[0].day <= 180).length;
    expect(young / s.customers.length).toBeGreaterThan(0.7);
  });

  it("puts more orders near the seasonal peak than a flat store would", () => {
    const r = regime("seasonal-peaks");
    const s = generateStore(r, 4, 1500);
    let near = 0,
      all = 0;
    for (const c of s.customers)
      for (const d of c.days) {
        const offset = (((d.day - s.startDay - r.season.peakDay) % 365) + 365) % 365;
        if (offset <= 45 || offset >= 320) near++;
        all++;
      }
    // A flat store puts 91/365 = 25 % of its orders within ±45 days of any date.
    expect(near / all).toBeGreaterThan(0.35);
  });

  it("every regime leaves a 365-day horizon after each cutoff", () => {
    for (const r of REGIMES) for (const c of r.cutoffs) expect(r.storeDays - c).toBeGreaterThanOrEqual(365);
  });
});
