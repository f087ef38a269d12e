import { generateStore } from "../../../../server/src/domain/synthetic/generate-store.js";
import type { Regime } from "../../../../server/src/domain/synthetic/regimes.js";
import { DAY_MS } from "../../../../server/src/domain/timing/days.js";
import { fitStoreModelFromDays } from "../../../../server/src/domain/timing/fit-store-model.js";
import { asHistory } from "./as-history.js";

/** A synthetic regime's store cut at its last cutoff: the order days before it, "now", and the model fitted on them. */
export function storeAtLastCutoff(regime: Regime, seed: number, customers: number) {
  const store = generateStore(regime, seed, customers);
  const cutDay = store.startDay + regime.cutoffs[regime.cutoffs.length - 1];
  const now = new Date(cutDay * DAY_MS);
  const histories = store.customers.map((c) => c.days.filter((d) => d.day < cutDay)).filter((d) => d.length > 0);
  return { cutDay, now, histories, model: fitStoreModelFromDays(histories, now) };
}

/**
 * A synthetic regime's store cut at its last cutoff as the database would give it: every customer with an order
 * before the cut (ids `c<index in the store>`), the cut day and "now"; no model fitted.
 */
export function historiesAtLastCutoff(regime: Regime, seed: number, customers: number) {
  const store = generateStore(regime, seed, customers);
  const cutDay = store.startDay + regime.cutoffs[regime.cutoffs.length - 1];
  const histories = store.customers
    .map((c, i) =>
      asHistory(
        `c${i}`,
        c.days.filter((d) => d.day < cutDay),
      ),
    )
    .filter((h) => h.purchases.length > 0);
  return { startDay: store.startDay, cutDay, now: new Date(cutDay * DAY_MS), histories };
}
