import { fitGammaGamma } from "../../domain/btyd/gamma-gamma.js";
import { parseFlags } from "../args.js";
import type { Command } from "../context.js";
import { readSpendFile } from "../summary-file.js";

/** fit-gg --summary <csv frequency/x, monetary_value/zbar> → {"p","q","gamma","ll"}; fits the rows with x > 0. */
export const fitGgCommand: Command = {
  usage: `fit-gg --summary <csv with frequency,monetary_value (or x,zbar)>
    fits Gamma-Gamma on the repeat buyers; prints JSON`,

  async run(argv, ctx) {
    const flags = parseFlags(argv, { summary: {} }, ["summary"]);
    const fit = fitGammaGamma(await readSpendFile(flags.summary as string, ctx));
    return {
      ...fit.params,
      ll: fit.ll,
      corrFrequencySpend: fit.corrFrequencySpend,
      converged: fit.converged,
      degenerate: fit.degenerate,
      warnings: fit.warnings,
    };
  },
};
