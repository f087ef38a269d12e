// A month of a campaign played forward: customers are assigned day by day, orders follow within the attribution
// window with a planted conversion rate per arm, and the analysis is run at the end of every day (a merchant who
// looks daily). Seeded, so every figure in the tests is reproducible.
import { seededRandom } from "../../../../server/src/domain/btyd/simulate.js";
import {
  analyseExperiment,
  type ExperimentAnalysis,
} from "../../../../server/src/domain/experiments/analyse-experiment.js";
import { emptyArm, type ArmSummary } from "../../../../server/src/domain/experiments/arm-summary.js";
import { ATTRIBUTION_WINDOW_DAYS } from "../../../../server/src/domain/experiments/attribution-window.js";

export interface PlantedArm {
  arm: string;
  /** Share of customers assigned to this arm. */
  share: number;
  /** True probability that an assigned customer orders within the window. */
  conversion: number;
}

export interface MonthSetup {
  arms: PlantedArm[];
  customers: number;
  days: number;
  /** Order value: log-normal with this mean (₩) and log-scale sigma. */
  meanOrderValue: number;
  orderValueSigma: number;
}

/** True revenue per assigned customer of an arm (one order at most per customer in this simulation). */
export const trueRevenuePerCustomer = (setup: MonthSetup, arm: PlantedArm) => arm.conversion * setup.meanOrderValue;

export interface DailyLook {
  arms: ArmSummary[];
  analysis: ExperimentAnalysis;
}

/** Plays one month forward and returns the analysis after each day (assignments stop at `days`, orders run on until every window closes). */
export function playMonth(setup: MonthSetup, seed: number): DailyLook[] {
  const rand = seededRandom(seed);
  const horizon = setup.days + ATTRIBUTION_WINDOW_DAYS;
  const names = setup.arms.map((a) => a.arm);
  const daily = Array.from({ length: horizon }, () => names.map((n) => emptyArm(n)));
  const mu = Math.log(setup.meanOrderValue) - setup.orderValueSigma ** 2 / 2;
  for (let i = 0; i < setup.customers; i++) {
    const day = Math.floor(rand() * setup.days);
    let u = rand();
    let k = 0;
    while (k < setup.arms.length - 1 && u >= setup.arms[k].share) u -= setup.arms[k++].share;
    daily[day][k].assigned++;
    if (rand() >= setup.arms[k].conversion) continue;
    const orderDay = day + Math.floor(rand() * ATTRIBUTION_WINDOW_DAYS);
    const z = Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
    const value = Math.exp(mu + setup.orderValueSigma * z);
    const s = daily[orderDay][k];
    s.orders++;
    s.converters++;
    s.revenue += value;
    s.revenueSquares += value * value;
  }
  const running = names.map((n) => emptyArm(n));
  const looks: DailyLook[] = [];
  for (const day of daily) {
    for (const [k, d] of day.entries()) add(running[k], d);
    const arms = running.map((r) => ({ ...r }));
    looks.push({ arms, analysis: analyseExperiment(arms) });
  }
  return looks;
}

function add(into: ArmSummary, d: ArmSummary): void {
  into.assigned += d.assigned;
  into.orders += d.orders;
  into.converters += d.converters;
  into.revenue += d.revenue;
  into.revenueSquares += d.revenueSquares;
}
