import { runBacktest, type BacktestCustomer, type BacktestResult } from "../timing/backtest.js";
import { DAY_MS } from "../timing/days.js";
import type { SyntheticStore } from "./generate-store.js";
import { observableOracleAuc90 } from "./observable-oracle.js";
import { oracleAuc90 } from "./oracle.js";

/** One regime cut at one date: the backtest's scores plus what the generator knows about the customers. */
export interface SyntheticValidationRow {
  regime: string;
  /** The cutoff as a date and as days from the store's start. */
  cutoff: string;
  cutoffOffsetDays: number;
  horizonDays: number;
  truth: {
    /** Customers with an order before the cutoff who had not left by then (the generator's own flag). */
    aliveAtCutoffShare: number;
    oneTimerShare: number;
    /** 90-day AUC of an oracle that knows each customer's latent type (oracle.ts): a loose ceiling. */
    oracleAuc90: number;
    /**
     * 90-day AUC of the Bayes-optimal score from the observed orders and the generator's true parameters
     * (observable-oracle.ts): the ceiling for a model that sees only the orders.
     */
    observableOracleAuc90: number;
  };
  result: BacktestResult;
}

/** Customers with an order before `cutDay`, split there; the holdout is [cutDay, cutDay + horizon). */
export function splitAtCutoff(store: SyntheticStore, cutDay: number, horizonDays: number): BacktestCustomer[] {
  const out: BacktestCustomer[] = [];
  for (const c of store.customers) {
    const calibration = c.days.filter((d) => d.day < cutDay);
    if (calibration.length === 0) continue;
    out.push({
      calibration,
      holdoutDays: c.days.filter((d) => d.day >= cutDay && d.day < cutDay + horizonDays).map((d) => d.day),
    });
  }
  return out;
}

/** Runs the backtest (our model and plain BG/NBD, fitted on data before the cutoff only) at each cutoff. */
export function validateStore(
  store: SyntheticStore,
  horizonDays: number,
  cutoffs = store.regime.cutoffs,
): SyntheticValidationRow[] {
  return cutoffs.map((offset) => {
    const cutDay = store.startDay + offset;
    const customers = splitAtCutoff(store, cutDay, horizonDays);
    const known = store.customers.filter((c) => c.days[0].day < cutDay);
    const alive = known.filter((c) => c.truth.leftAfterDay === null || c.truth.leftAfterDay >= cutDay).length;
    return {
      regime: store.regime.name,
      cutoff: new Date(cutDay * DAY_MS).toISOString().slice(0, 10),
      cutoffOffsetDays: offset,
      horizonDays,
      truth: {
        aliveAtCutoffShare: round(alive / known.length),
        oneTimerShare: round(known.filter((c) => c.truth.oneTimer).length / known.length),
        oracleAuc90: round(oracleAuc90(store, cutDay)),
        observableOracleAuc90: round(observableOracleAuc90(store, cutDay)),
      },
      result: runBacktest(customers, new Date(cutDay * DAY_MS), horizonDays),
    };
  });
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
