import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../server/src/domain/btyd/simulate.js";
import { auc } from "../../../../server/src/domain/timing/auc.js";
import { calibratedExpectedOrders } from "../../../../server/src/domain/timing/calibration.js";
import { expectedOrders } from "../../../../server/src/domain/timing/expected-orders.js";
import { fitStoreModelFromDays } from "../../../../server/src/domain/timing/fit-store-model.js";
import { learnCalibration } from "../../../../server/src/domain/timing/learn-calibration.js";
import { fitLogistic, predictLogistic } from "../../../../server/src/domain/timing/logistic.js";
import type { PurchaseDay } from "../../../../server/src/domain/timing/purchase-days.js";
import { baseView } from "../../../../server/src/domain/timing/timing-features.js";
import { learnWindowCalibration, type WindowRow } from "../../../../server/src/domain/timing/window-calibration.js";
import { DAY_MS } from "../../../../server/src/domain/timing/days.js";
import { generateStore } from "../../../../server/src/domain/synthetic/generate-store.js";
import { regimeNamed } from "../../../../server/src/domain/synthetic/regimes.js";

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
}

describe("logistic stacking", () => {
  it("learns a known logistic relation", () => {
    const rand = seededRandom(7);
    const rows: number[][] = [],
      labels: boolean[] = [],
      truth: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const x = [normal(rand), 3 * normal(rand) + 10, normal(rand)];
      const p = 1 / (1 + Math.exp(-(0.5 + 2 * x[0] - (x[1] - 10) / 3)));
      rows.push(x);
      truth.push(p);
      labels.push(rand() < p);
    }
    const m = fitLogistic(rows, labels, 0.1);
    const err = rows.reduce((s, x, i) => s + Math.abs(predictLogistic(m, x) - truth[i]), 0) / rows.length;
    expect(err).toBeLessThan(0.03);
    // The noise feature gets (almost) no weight; the real ones keep their signs.
    expect(Math.abs(m.weights[3])).toBeLessThan(0.15);
    expect(m.weights[1]).toBeGreaterThan(1.5);
    expect(m.weights[2]).toBeLessThan(-0.7);
    expect(
      auc(
        rows.map((x) => predictLogistic(m, x)),
        labels,
      ),
    ).toBeGreaterThan(0.8);
  });
});

describe("window calibration", () => {
  it("recovers a known shift and scale of ln(gap)", () => {
    const rand = seededRandom(11);
    const predictive = { nu: 400, loc: Math.log(30), scale: 0.4, sigma2: 0.16, gaps: 50, kappa: 50 };
    const rows: WindowRow[] = [];
    for (let i = 0; i < 1500; i++) {
      const gap = Math.max(1, Math.round(Math.exp(predictive.loc + 0.3 + 0.4 * 1.5 * normal(rand))));
      rows.push({ predictive, elapsedDays: 0, gapDays: gap, horizonDays: 100_000 });
    }
    const w = learnWindowCalibration(rows);
    expect(w.shift).toBeGreaterThan(0.22);
    expect(w.shift).toBeLessThan(0.38);
    expect(w.scale).toBeGreaterThan(1.35);
    expect(w.scale).toBeLessThan(1.65);
  });
});

describe("rolling-origin order calibration", () => {
  it("moves expected orders toward the truth when customers have slowed down", () => {
    const rand = seededRandom(5);
    const nowDay = 20_000;
    const slowFrom = nowDay - 260;
    const before: PurchaseDay[][] = [];
    let actual = 0;
    for (let i = 0; i < 500; i++) {
      const days: PurchaseDay[] = [];
      let day = nowDay - 600 + Math.floor(rand() * 40);
      const future: number[] = [];
      while (day < nowDay + 90) {
        if (day < nowDay) days.push({ day, amount: 10, quantities: new Map(), titles: new Map() });
        else future.push(day);
        day += Math.max(1, Math.round((day < slowFrom ? 15 : 45) * Math.exp(0.2 * normal(rand))));
      }
      before.push(days);
      actual += future.length;
    }
    const fit = (c: PurchaseDay[][], now: Date) => fitStoreModelFromDays(c, now, { calibrate: false });
    const model = fit(before, new Date(nowDay * DAY_MS));
    const cal = learnCalibration(before, nowDay, fit);
    expect(cal).not.toBeNull();
    expect(cal!.origins).toBeGreaterThan(2);
    let base = 0,
      calibrated = 0;
    for (const d of before) {
      const v = baseView(d, model, nowDay);
      base += expectedOrders(v.timing.predictive, v.timing.pActive, v.timing.piNext, v.timing.elapsedDays, 90);
      calibrated += calibratedExpectedOrders(v, cal, 90);
    }
    expect(base).toBeGreaterThan(actual * 1.1);
    expect(Math.abs(calibrated - actual)).toBeLessThan(Math.abs(base - actual) * 0.7);
  });

  it("leaves out an origin before any customer's third purchase day", () => {
    // The synthetic young store at day 240 (seed 2): at its first origin (day 60) 148 customers, 25 with a second
    // order and none with a third, so its π_2 read 0 and it predicted 37 orders where 157 came; with it, the store's
    // factor was 1.22 from 3 origins (the store's own base model was within 2 % of the next 90 days). Fails before.
    const store = generateStore(regimeNamed("young-store")!, 2, 3000);
    const cutDay = store.startDay + 240;
    const histories = store.customers.map((c) => c.days.filter((d) => d.day < cutDay)).filter((d) => d.length > 0);
    const fit = (c: PurchaseDay[][], now: Date) => fitStoreModelFromDays(c, now, { calibrate: false });
    const cal = learnCalibration(histories, cutDay, fit);
    expect(cal!.origins).toBe(2);
    expect(cal!.pooledFactor).toBeLessThan(1.18);
  });

  it("keeps every origin of a store where no customer has a third purchase day even now", () => {
    // Its own fit has no repeat retention either, so its origins are alike it: left out, the store had no calibration.
    const rand = seededRandom(7);
    const nowDay = 20_000;
    const store: PurchaseDay[][] = [];
    for (let i = 0; i < 400; i++) {
      const first = nowDay - 400 + Math.floor(rand() * 390);
      const days: PurchaseDay[] = [{ day: first, amount: 10, quantities: new Map(), titles: new Map() }];
      const second = first + 30 + Math.floor(rand() * 60);
      if (rand() < 0.4 && second < nowDay) days.push({ ...days[0], day: second });
      store.push(days);
    }
    const fit = (c: PurchaseDay[][], now: Date) => fitStoreModelFromDays(c, now, { calibrate: false });
    const origins = learnCalibration(store, nowDay, fit)?.origins;
    expect(origins).toBeGreaterThan(2);
    // One customer with three orders in the last 20 days (after every origin) leaves the origins as they were.
    const recent = (day: number): PurchaseDay => ({ day, amount: 10, quantities: new Map(), titles: new Map() });
    store.push([recent(nowDay - 20), recent(nowDay - 10), recent(nowDay - 1)]);
    expect(learnCalibration(store, nowDay, fit)?.origins).toBe(origins);
  });
});
