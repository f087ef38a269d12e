import { fitBgnbd } from "../../domain/btyd/bgnbd-fit";
import { parseFlags } from "../args";
import { readSummaryFile } from "../summary-file";

/** fit-bgnbd --summary <csv frequency,recency,T> → {"r","alpha","a","b","ll"} (+ diagnostics). */
export function fitBgnbdCommand(argv: string[]): object {
  const flags = parseFlags(argv, { summary: {} }, ["summary"]);
  const fit = fitBgnbd(readSummaryFile(flags.summary as string));
  return { ...fit.params, ll: fit.ll, converged: fit.converged, degenerate: fit.degenerate, warnings: fit.warnings };
}
