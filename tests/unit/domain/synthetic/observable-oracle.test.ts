// The observable oracle is the bar for "where the data allows it" (regime-accuracy.test.ts), so it must be the
// true posterior: on every regime its P(order in 90 days) adds up to the orders that happened, and it ranks
// between recency (which it contains) and the oracle that also knows each customer's latent type.
import { describe, expect, it } from "vitest";
import { generateStore } from "../../../../server/src/domain/synthetic/generate-store.js";
import {
  observableOracleAuc90,
  posteriorOrderWithin90,
} from "../../../../server/src/domain/synthetic/observable-oracle.js";
import { oracleAuc90 } from "../../../../server/src/domain/synthetic/oracle.js";
import { REGIMES } from "../../../../server/src/domain/synthetic/regimes.js";
import { auc } from "../../../../server/src/domain/timing/auc.js";

const SEED = 2;
const CUSTOMERS = 1500;

describe.each(REGIMES.map((r) => [r.name, r] as const))("observable oracle on %s", (_name, regime) => {
  const store = generateStore(regime, SEED, CUSTOMERS);
  it.each(regime.cutoffs)("is calibrated and ranks between recency and the type oracle at day %i", (offset) => {
    const cut = store.startDay + offset;
    const p: number[] = [],
      bought: boolean[] = [],
      lastDay: number[] = [];
    for (const c of store.customers) {
      const before = c.days.filter((d) => d.day < cut);
      if (before.length === 0) continue;
      p.push(posteriorOrderWithin90(store, before, cut));
      bought.push(c.days.some((d) => d.day >= cut && d.day < cut + 90));
      lastDay.push(before[before.length - 1].day);
    }
    const expected = p.reduce((s, v) => s + v, 0);
    const happened = bought.filter(Boolean).length;
    // Buyers are a sum of independent Bernoullis: sd = √Σp(1 − p); 3.5 sd leaves ~1 false alarm in 2,000 rows.
    const sd = Math.sqrt(p.reduce((s, v) => s + v * (1 - v), 0));
    expect(Math.abs(expected - happened)).toBeLessThanOrEqual(3.5 * sd);
    const observable = observableOracleAuc90(store, cut);
    expect(observable).toBeGreaterThanOrEqual(auc(lastDay, bought));
    expect(observable).toBeLessThanOrEqual(oracleAuc90(store, cut));
  });
});
