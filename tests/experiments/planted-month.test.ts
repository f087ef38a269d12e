// The planted month through the product (issue 14, "Done when"): the simulator's shoppers are decided, fetch their
// decision through the signed app proxy, send the impression of the variant they saw and order with a planted
// probability per arm; the orders arrive by webhook; the results are read through the admin's results service.
// One month per database here (1,000 shoppers: the backfill and first fit dominate, over a minute on a loaded
// machine), so this shows the pipeline carries the planted effects into the right arms and intervals, not a
// false-winner rate: that is the domain-level test's (tests/unit/domain/experiments/simulated-month.test.ts, 400
// seeded months with no true effect, each checked daily), which reads the same analyseExperiment this reports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plantedChecks } from "../../server/src/demo/planted-month-report.js";
import type { PlantedMonthRun } from "../../server/src/demo/planted-month.js";
import { DEFAULT_TRUTH, runPlantedMonth } from "../../server/src/main/planted-month-run.js";
import { startPlantedMonthStack, type PlantedMonthStack } from "../../server/src/main/planted-month-stack.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const CUSTOMERS = 1000;

describe.each(DB_KINDS)("a planted month played through the product on %s", (kind) => {
  let t: TestDb;
  let stack: PlantedMonthStack;
  let run: PlantedMonthRun;

  beforeAll(async () => {
    const started = Date.now();
    t = await createTestDb(kind);
    stack = await startPlantedMonthStack({
      db: t.db,
      dbKind: t.kind,
      customers: CUSTOMERS,
      historySince: new Date("2010-09-01T00:00:00Z"),
      historyEndsAt: new Date("2026-10-01T12:00:00Z"),
    });
    const ready = Date.now();
    run = await runPlantedMonth(stack, { dailyLooks: true, seed: 7 });
    console.info(`${kind}: stack ${ready - started} ms, month ${Date.now() - ready} ms`, run.seen, run.orders);
  }, 900_000);
  afterAll(async () => {
    await stack?.close();
    await t?.destroy();
  });

  it("records every shopper in the arm they were shown, with their impressions and orders", () => {
    const arms = new Map(run.final.arms.map((a) => [a.arm, a]));
    for (const arm of ["a", "b"]) {
      expect(arms.get(arm)!.assigned).toBe(run.seen[arm]);
      expect(arms.get(arm)!.impressions).toBe(run.seen[arm]);
      expect(arms.get(arm)!.orders).toBe(run.orders[arm]);
    }
    // Shoppers shown nothing are the holdout and the few the campaign does not reach (no prediction): only the
    // holdout is assigned, and only its orders are attributed.
    const held = arms.get("holdout")!;
    expect(held.impressions).toBe(0);
    expect(held.assigned).toBeGreaterThan(0.8 * run.seen.holdout);
    expect(held.assigned).toBeLessThanOrEqual(run.seen.holdout);
    expect(held.orders).toBeLessThanOrEqual(run.orders.holdout);
  });

  it("holds each planted effect inside its reported 95 % interval", () => {
    const checks = plantedChecks(run.final, DEFAULT_TRUTH);
    console.table(checks);
    expect(checks).toHaveLength(6);
    for (const c of checks) expect(c.inside, `${c.comparison} ${c.metric}`).toBe(true);
  });

  it("names no winner on a day the rule says there is too little data", () => {
    // The rule really gates: the first day's looks are all too small, the month's end has enough for every pair.
    expect(run.looks[0].results.analysis.comparisons.every((c) => c.status === "too_little_data")).toBe(true);
    expect(run.final.analysis.comparisons.every((c) => c.status !== "too_little_data")).toBe(true);
    for (const { results } of run.looks) {
      const small = results.analysis.comparisons.some((c) => c.status === "too_little_data");
      if (small) expect(results.analysis.winner).toBeNull();
    }
    console.info(`${kind}: winner on the last day`, run.final.analysis.winner);
  });
});
