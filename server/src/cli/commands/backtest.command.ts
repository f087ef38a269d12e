import { runBacktest, type BacktestCustomer } from "../../domain/timing/backtest.js";
import { dayIndex } from "../../domain/timing/days.js";
import { validateHistory } from "../../domain/timing/history.js";
import { toPurchaseDays, type PurchaseDay } from "../../domain/timing/purchase-days.js";
import { ValidationError } from "../../domain/shared/errors.js";
import { parseDateFlag, parseFlags, parsePositiveInt } from "../args.js";
import type { Command } from "../context.js";
import type { FileOrder } from "../orders/read-orders.js";
import { combineFiles, eachHistory } from "../orders/to-domain.js";
import { ORDER_FILE_FLAGS, ORDER_FILE_USAGE, readOrdersWithFlags } from "./order-file-flags.js";

/**
 * backtest --orders <file> [--orders <next year's file>] --cutoff <date> --horizon-days 365.
 * The horizon is clipped to the last date in the data, and the output says so.
 */
export const backtestCommand: Command = {
  usage: `backtest --orders <orders csv[.gz]> [--orders <next file>] --cutoff <YYYY-MM-DD> [--horizon-days 365]
${ORDER_FILE_USAGE}
    compares our timing model with plain BG/NBD on the orders after the cutoff; prints JSON`,

  async run(argv, ctx) {
    const flags = parseFlags(
      argv,
      { orders: { multiple: true }, cutoff: {}, "horizon-days": {}, ...ORDER_FILE_FLAGS },
      ["orders", "cutoff"],
    );
    const cutoff = parseDateFlag(flags.cutoff as string, "cutoff");
    const requested = parsePositiveInt((flags["horizon-days"] as string | undefined) ?? "365", "horizon-days");
    const reports = [];
    const files: FileOrder[][] = [];
    for (const path of flags.orders as string[]) {
      const { orders, report } = await readOrdersWithFlags(path, flags, ctx);
      files.push(orders);
      reports.push(report);
    }
    // Each customer becomes purchase days as their file orders are let go: a 3.35 M-line file stays under 1 GB.
    const split: Array<{ calibration: PurchaseDay[]; after: number[] }> = [];
    let lastDay = -Infinity;
    eachHistory(combineFiles(files.splice(0)), (h) => {
      for (const p of h.purchases) lastDay = Math.max(lastDay, dayIndex(p.at));
      const before = {
        customerId: h.customerId,
        purchases: h.purchases.filter((p) => p.at.getTime() < cutoff.getTime()),
      };
      if (before.purchases.length === 0) return;
      validateHistory(before, cutoff);
      const after = toPurchaseDays({
        customerId: h.customerId,
        purchases: h.purchases.filter((p) => p.at.getTime() >= cutoff.getTime()),
      });
      split.push({ calibration: toPurchaseDays(before), after: after.map((d) => d.day) });
    });
    if (lastDay === -Infinity)
      throw new ValidationError("No customer orders in the input (all rows are guests, cancellations or returns)");
    const cut = dayIndex(cutoff);
    const horizonDays = Math.min(requested, lastDay + 1 - cut);
    if (horizonDays <= 0) throw new ValidationError(`The cutoff ${flags.cutoff} is after the last order in the data`);
    const customers: BacktestCustomer[] = split.map((c) => ({
      calibration: c.calibration,
      holdoutDays: c.after.filter((d) => d < cut + horizonDays),
    }));
    const result = runBacktest(customers, cutoff, horizonDays);
    return {
      cutoff: cutoff.toISOString().slice(0, 10),
      horizonDays,
      requestedHorizonDays: requested,
      ...result,
      input: reports,
    };
  },
};
