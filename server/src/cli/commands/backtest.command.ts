import { runBacktest, type BacktestCustomer } from "../../domain/timing/backtest";
import { dayIndex } from "../../domain/timing/days";
import { validateHistory } from "../../domain/timing/history";
import { toPurchaseDays } from "../../domain/timing/purchase-days";
import { ValidationError } from "../../domain/shared/errors";
import { parseDateFlag, parseFlags, parsePositiveInt } from "../args";
import { combineLogs, readOnlineRetail, toHistories } from "../online-retail";

/**
 * backtest --orders <csv.gz> [--orders <next year's csv.gz>] --cutoff <date> --horizon-days 365.
 * The horizon is clipped to the last date in the data, and the output says so.
 */
export function backtestCommand(argv: string[], now: Date): object {
  const flags = parseFlags(argv, { orders: { multiple: true }, cutoff: {}, "horizon-days": {} }, ["orders", "cutoff"]);
  const cutoff = parseDateFlag(flags.cutoff as string, "cutoff");
  const requested = parsePositiveInt((flags["horizon-days"] as string | undefined) ?? "365", "horizon-days");
  const lines = combineLogs((flags.orders as string[]).map((f) => readOnlineRetail(f, now)));
  if (lines.length === 0) throw new ValidationError("No customer orders in the input (all rows are guests, cancellations or returns)");
  const lastDay = dayIndex(new Date(lines.reduce((m, l) => Math.max(m, l.at.getTime()), -Infinity)));
  const cut = dayIndex(cutoff);
  const horizonDays = Math.min(requested, lastDay + 1 - cut);
  if (horizonDays <= 0) throw new ValidationError(`The cutoff ${flags.cutoff} is after the last order in the data`);
  const customers: BacktestCustomer[] = [];
  for (const h of toHistories(lines)) {
    const before = { customerId: h.customerId, purchases: h.purchases.filter((p) => p.at.getTime() < cutoff.getTime()) };
    if (before.purchases.length === 0) continue;
    validateHistory(before, cutoff);
    const after = toPurchaseDays({ customerId: h.customerId, purchases: h.purchases.filter((p) => p.at.getTime() >= cutoff.getTime()) });
    customers.push({ calibration: toPurchaseDays(before), holdoutDays: after.map((d) => d.day).filter((d) => d < cut + horizonDays) });
  }
  const result = runBacktest(customers, cutoff, horizonDays);
  return { cutoff: cutoff.toISOString().slice(0, 10), horizonDays, requestedHorizonDays: requested, ...result };
}
