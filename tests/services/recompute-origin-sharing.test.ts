import { MessageChannel, Worker } from "node:worker_threads";
import { describe, expect, it, vi } from "vitest";
import { generateStore } from "../../server/src/domain/synthetic/generate-store.js";
import { REGIMES } from "../../server/src/domain/synthetic/regimes.js";
import { DAY_MS } from "../../server/src/domain/timing/days.js";
import { fitTimingBase } from "../../server/src/domain/timing/fit-store-model.js";
import { NO_OVERRIDES } from "../../server/src/domain/timing/non-product-lines.js";
import { toPurchaseDays } from "../../server/src/domain/timing/purchase-days.js";
import {
  calibrationOrigin,
  calibrationOriginSteps,
  learnCalibrationOnSample,
  mergeOrigins,
} from "../../server/src/domain/timing/learn-calibration.js";
import { inlineRecomputeEngine, type RecomputeEngine } from "../../server/src/services/recompute-engine.js";
import { originSharingOver } from "../../server/src/services/recompute-origin-sharing.js";
import { workerRecomputeEngine } from "../../server/src/services/recompute-worker-client.js";
import { asHistory } from "../unit/domain/timing/as-history.js";

const stores = new Map<number, ReturnType<typeof generated>>();
const store = (customers: number) =>
  stores.get(customers) ?? stores.set(customers, generated(customers)).get(customers)!;

/** A generated store (enough customers and history for several calibration origins), cut at its last cutoff. */
function generated(customers: number) {
  const regime = REGIMES[0];
  const generated = generateStore(regime, 11, customers);
  const cutDay = generated.startDay + regime.cutoffs[regime.cutoffs.length - 1];
  const histories = generated.customers
    .map((c, i) =>
      asHistory(
        `c${String(i).padStart(5, "0")}`,
        c.days.filter((d) => d.day < cutDay),
      ),
    )
    .filter((h) => h.purchases.length > 0);
  return { histories, now: new Date(cutDay * DAY_MS), nowDay: cutDay };
}

async function fitWith(engine: RecomputeEngine, histories: ReturnType<typeof store>["histories"], now: Date) {
  try {
    await engine.begin(histories.length, now);
    for (let i = 0; i < histories.length; i += 100) await engine.add(histories.slice(i, i + 100));
    return await engine.fit(NO_OVERRIDES);
  } finally {
    await engine.close();
  }
}

describe("calibration origins shared between two threads", () => {
  it("merging the origins one by one is the single loop's calibration", () => {
    const { histories, nowDay } = store(400);
    const sample = histories.map(toPurchaseDays);
    const steps = calibrationOriginSteps(sample, nowDay);
    expect(steps.length).toBeGreaterThan(1);
    const rows = steps.map((k) => calibrationOrigin(sample, nowDay, k, fitTimingBase));
    expect(mergeOrigins(rows)).toEqual(learnCalibrationOnSample(sample, nowDay, fitTimingBase));
  });

  it("takes the origins a helper thread fitted instead of fitting them again, same rows in step order", async () => {
    const { histories, nowDay } = store(400);
    const sample = histories.map(toPurchaseDays);
    const steps = calibrationOriginSteps(sample, nowDay);
    const { port1, port2 } = new MessageChannel();
    const helper = new Worker(new URL("../../server/src/services/recompute-worker-boot.mjs", import.meta.url), {
      workerData: { entry: new URL("../helpers/origin-helper-worker.ts", import.meta.url).href, port: port2 },
      transferList: [port2],
    });
    try {
      const helped = new Promise((resolve) => helper.once("message", resolve));
      const sharing = originSharingOver(port1);
      sharing.offer(sample, nowDay, steps);
      // This thread claims nothing until the helper has fitted every origin: each row must come from the helper.
      await helped;
      const run = vi.fn((k: number) => calibrationOrigin(sample, nowDay, k, fitTimingBase));
      const rows = sharing.collect(run);
      expect(run).not.toHaveBeenCalled();
      expect(rows).toEqual(steps.map((k) => calibrationOrigin(sample, nowDay, k, fitTimingBase)));
    } finally {
      await helper.terminate();
    }
  });

  it("fits every origin itself when no helper answers", () => {
    const { histories, nowDay } = store(400);
    const sample = histories.map(toPurchaseDays);
    const steps = calibrationOriginSteps(sample, nowDay);
    const sharing = originSharingOver(new MessageChannel().port1);
    sharing.offer(sample, nowDay, steps);
    const run = vi.fn((k: number) => calibrationOrigin(sample, nowDay, k, fitTimingBase));
    expect(sharing.collect(run)).toEqual(steps.map((k) => calibrationOrigin(sample, nowDay, k, fitTimingBase)));
    expect(run).toHaveBeenCalledTimes(steps.length);
  });

  it("the worker engine (fit thread and prediction thread) fits the model the calling thread fits", async () => {
    const { histories, now } = store(400);
    const onWorkers = await fitWith(workerRecomputeEngine(), histories, now);
    expect(onWorkers.calibration?.origins).toBeGreaterThan(1);
    expect(onWorkers).toEqual(await fitWith(inlineRecomputeEngine(), histories, now));
  });
});
