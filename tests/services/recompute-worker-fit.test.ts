// The worker engine learns the calibration's origins on two threads (recompute-worker-client.ts): the model must be
// the one a single thread fits, field for field, on a plain and on a seasonal store.
import { describe, expect, it } from "vitest";
import { generateStore } from "../../server/src/domain/synthetic/generate-store.js";
import { regimeNamed } from "../../server/src/domain/synthetic/regimes.js";
import { DAY_MS } from "../../server/src/domain/timing/days.js";
import { NO_OVERRIDES } from "../../server/src/domain/timing/non-product-lines.js";
import { createStoreFitCollector } from "../../server/src/domain/timing/store-fit-collector.js";
import { workerRecomputeEngine } from "../../server/src/services/recompute-worker-client.js";
import { asHistory } from "../unit/domain/timing/as-history.js";

function storeAt(name: string, customers: number) {
  const regime = regimeNamed(name)!;
  const store = generateStore(regime, 3, customers);
  const cutDay = store.startDay + regime.cutoffs[regime.cutoffs.length - 1];
  const histories = store.customers
    .map((c, i) =>
      asHistory(
        `c${String(i).padStart(5, "0")}`,
        c.days.filter((d) => d.day < cutDay),
      ),
    )
    .filter((h) => h.purchases.length > 0);
  return { histories, now: new Date(cutDay * DAY_MS) };
}

describe("store fit with the calibration's origins on two threads", () => {
  it.each(["monthly-beauty", "seasonal-peaks"])(
    "fits the one-thread model on %s",
    async (name) => {
      const { histories, now } = storeAt(name, 500);
      const collector = createStoreFitCollector(histories.length, now);
      for (const h of histories) collector.add(h);
      const oneThread = collector.finish();
      expect(oneThread.calibration?.origins).toBeGreaterThan(2);

      const engine = workerRecomputeEngine();
      try {
        await engine.begin(histories.length, now);
        await engine.add(histories);
        expect(await engine.fit(NO_OVERRIDES)).toEqual(oneThread);
      } finally {
        await engine.close();
      }
    },
    60_000,
  );
});
