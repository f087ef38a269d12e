import { fitGammaGamma } from "../../domain/btyd/gamma-gamma";
import { parseFlags } from "../args";
import { readSpendFile } from "../summary-file";

/** fit-gg --summary <csv frequency/x, monetary_value/zbar> → {"p","q","gamma","ll"}; fits the rows with x > 0. */
export function fitGgCommand(argv: string[]): object {
  const flags = parseFlags(argv, { summary: {} }, ["summary"]);
  const fit = fitGammaGamma(readSpendFile(flags.summary as string));
  return { ...fit.params, ll: fit.ll, corrFrequencySpend: fit.corrFrequencySpend, converged: fit.converged, degenerate: fit.degenerate, warnings: fit.warnings };
}
