import { runBacktest, type BacktestCustomer } from "../../domain/timing/backtest";
import { dayIndex } from "../../domain/timing/days";
import { validateHistory } from "../../domain/timing/history";
import { toPurchaseDays } from "../../domain/timing/purchase-days";
import { ValidationError } from "../../domain/shared/errors";
import { parseDateFlag, parseFlags, parsePositiveInt } from "../args";
import type { Command } from "../context";
import { combineFiles, toHistories } from "../orders/to-domain";
import { ORDER_FILE_FLAGS, ORDER_FILE_USAGE, readOrdersWithFlags } from "./order-file-flags";

/**
 * backtest --orders <file> [--orders <next year's file>] --cutoff <date> --horizon-days 365.
 * The horizon is clipped to the last date in the data, and the output says so.
 */
export const backtestCommand: Command = {
  usage: `backtest --orders <orders csv[.gz]> [--orders <next file>] --cutoff <YYYY-MM-DD> [--horizon-days 365]
${ORDER_FILE_USAGE}
    compares our timing model with plain BG/NBD on the orders after the cutoff; prints JSON`,

  async run(argv, ctx) {
    const flags = parseFlags(argv, { orders: { multiple: true }, cutoff: {}, "horizon-days": {}, ...ORDER_FILE_FLAGS }, ["orders", "cutoff"]);
    const cutoff = parseDateFlag(flags.cutoff as string, "cutoff");
    const requested = parsePositiveInt((flags["horizon-days"] as string | undefined) ?? "365", "horizon-days");
    const files = [];
    for (const path of flags.orders as string[]) files.push(await readOrdersWithFlags(path, flags, ctx));
    const histories = toHistories(combineFiles(files.map((f) => f.orders)));
    if (histories.length === 0) throw new ValidationError("No customer orders in the input (all rows are guests, cancellations or returns)");
    const lastDay = histories.reduce((m, h) => h.purchases.reduce((mm, p) => Math.max(mm, dayIndex(p.at)), m), -Infinity);
    const cut = dayIndex(cutoff);
    const horizonDays = Math.min(requested, lastDay + 1 - cut);
    if (horizonDays <= 0) throw new ValidationError(`The cutoff ${flags.cutoff} is after the last order in the data`);
    const customers: BacktestCustomer[] = [];
    for (const h of histories) {
      const before = { customerId: h.customerId, purchases: h.purchases.filter((p) => p.at.getTime() < cutoff.getTime()) };
      if (before.purchases.length === 0) continue;
      validateHistory(before, cutoff);
      const after = toPurchaseDays({ customerId: h.customerId, purchases: h.purchases.filter((p) => p.at.getTime() >= cutoff.getTime()) });
      customers.push({ calibration: toPurchaseDays(before), holdoutDays: after.map((d) => d.day).filter((d) => d < cut + horizonDays) });
    }
    const result = runBacktest(customers, cutoff, horizonDays);
    return { cutoff: cutoff.toISOString().slice(0, 10), horizonDays, requestedHorizonDays: requested, ...result, input: files.map((f) => f.report) };
  },
};
