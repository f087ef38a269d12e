import { generateStore } from "../../domain/synthetic/generate-store.js";
import { REGIMES, regimeNamed } from "../../domain/synthetic/regimes.js";
import { validateStore, type SyntheticValidationRow } from "../../domain/synthetic/validate-synthetic.js";
import { ValidationError } from "../../domain/shared/errors.js";
import { parseFlags, parsePositiveInt } from "../args.js";
import type { Command } from "../context.js";
import { validationTable } from "../validation-table.js";

/**
 * validate-synthetic [--regime <name>]… [--customers N] [--seed N] [--horizon-days 365]: generates each synthetic
 * store (known truth), backtests the timing model at the regime's cutoffs, prints JSON on stdout and a table on stderr.
 */
export const validateSyntheticCommand: Command = {
  usage: `validate-synthetic [--regime <${REGIMES.map((r) => r.name).join("|")}>]… [--customers <n>] [--seed <n>] [--horizon-days 365]
    backtests the timing model on synthetic stores with known truth at three cutoffs each;
    prints JSON (stdout) and a readable table (stderr)`,

  async run(argv, ctx) {
    const flags = parseFlags(argv, { regime: { multiple: true }, customers: {}, seed: {}, "horizon-days": {} }, []);
    const names = (flags.regime as string[] | undefined) ?? REGIMES.map((r) => r.name);
    const regimes = names.map(
      (n) => regimeNamed(n) ?? fail(`Unknown --regime "${n}" (one of ${REGIMES.map((r) => r.name).join(", ")})`),
    );
    const seed = parsePositiveInt((flags.seed as string | undefined) ?? "1", "seed");
    const horizonDays = parsePositiveInt((flags["horizon-days"] as string | undefined) ?? "365", "horizon-days");
    if (horizonDays > 365)
      throw new ValidationError(
        "--horizon-days can be at most 365 (each regime leaves 365 days after its last cutoff)",
      );
    const customers =
      flags.customers === undefined ? undefined : parsePositiveInt(flags.customers as string, "customers");
    const rows: SyntheticValidationRow[] = [];
    for (const regime of regimes) {
      ctx.warn(`validating ${regime.name}…`);
      rows.push(...validateStore(generateStore(regime, seed, customers ?? regime.customers), horizonDays));
    }
    ctx.warn(validationTable(rows));
    return { seed, horizonDays, rows };
  },
};

function fail(message: string): never {
  throw new ValidationError(message);
}
