import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../../db/create-db.js";
import { migrateToLatest } from "../../db/migrate.js";
import { plantedChecks } from "../../demo/planted-month-report.js";
import { DEFAULT_TRUTH, PLANTED_CAMPAIGN, runPlantedMonth } from "../../main/planted-month-run.js";
import { startPlantedMonthStack } from "../../main/planted-month-stack.js";
import { parseFlags, parsePositiveInt } from "../args.js";
import type { Command } from "../context.js";

const DAY = 86_400_000;

/** Until Ctrl-C (or SIGTERM). */
const untilInterrupted = () =>
  new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });

/**
 * simulate-month: a month of the VIP thank-you campaign (holdout, A, B) played through the product on its own
 * simulated shop and database (planted-month-stack.ts), with DEFAULT_TRUTH's planted effects; prints the planted
 * truth against the reported intervals. With --serve, the admin stays up to show the results page.
 */
export const simulateMonthCommand: Command = {
  usage: `simulate-month [--customers 2500] [--days 30] [--seed 1] [--db <sqlite file>] [--serve [--port 8090]]
    plays a month with a planted effect per arm (holdout 4 %, A 6 %, B 12 % order within 14 days, £40 each on average:
    the seeded shop sells in GBP)
    through the simulator, app proxy and order webhooks; prints planted vs reported; --serve keeps the admin
    open at http://localhost:<port>/campaigns/${PLANTED_CAMPAIGN} until Ctrl-C`,

  async run(argv, ctx) {
    const flags = parseFlags(
      argv,
      { customers: {}, days: {}, seed: {}, db: {}, serve: { boolean: true }, port: {} },
      [],
    );
    const customers = parsePositiveInt((flags.customers as string) ?? "2500", "customers");
    const days = parsePositiveInt((flags.days as string) ?? "30", "days");
    const seed = parsePositiveInt((flags.seed as string) ?? "1", "seed");
    const port = flags.port ? parsePositiveInt(flags.port as string, "port") : 8090;
    const filename =
      (flags.db as string) ?? path.join(mkdtempSync(path.join(os.tmpdir(), "dangol-month-")), "month.sqlite");
    const { db, kind } = createDb({ kind: "sqlite", filename });
    await migrateToLatest(db);
    // The month ends yesterday: its last orders come windowDays after the last arrivals.
    const historyEndsAt = new Date(
      Math.floor(ctx.now.getTime() / DAY) * DAY - (days + DEFAULT_TRUTH.windowDays + 1) * DAY,
    );
    const stack = await startPlantedMonthStack({
      db,
      dbKind: kind,
      customers,
      historySince: new Date("2010-06-01T00:00:00Z"),
      historyEndsAt,
      admin: Boolean(flags.serve),
      port: flags.serve ? port : 0,
      log: ctx.warn,
    });
    try {
      const run = await runPlantedMonth(stack, { days, seed });
      const checks = plantedChecks(run.final, DEFAULT_TRUTH);
      const summary = {
        database: filename,
        shop: stack.shop,
        campaign: PLANTED_CAMPAIGN,
        planted: DEFAULT_TRUTH,
        shoppersBySeen: run.seen,
        plantedOrders: run.orders,
        arms: run.final.arms,
        winner: run.final.analysis.winner,
        method: run.final.analysis.method,
        checks,
      };
      if (flags.serve) {
        ctx.warn(JSON.stringify(summary));
        ctx.warn(`results: http://localhost:${port}/campaigns/${PLANTED_CAMPAIGN} (Ctrl-C to stop)`);
        await untilInterrupted();
      }
      return summary;
    } finally {
      await stack.close();
      await db.destroy();
    }
  },
};
