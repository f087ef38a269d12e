import { fitBgnbd } from "../../domain/btyd/bgnbd-fit";
import { parseFlags } from "../args";
import type { Command } from "../context";
import { readSummaryFile } from "../summary-file";

/** fit-bgnbd --summary <csv frequency,recency,T> → {"r","alpha","a","b","ll"} (+ diagnostics). */
export const fitBgnbdCommand: Command = {
  usage: `fit-bgnbd --summary <csv with frequency,recency,T (or x,t_x,T)>
    fits BG/NBD by maximum likelihood; prints JSON`,

  async run(argv, ctx) {
    const flags = parseFlags(argv, { summary: {} }, ["summary"]);
    const fit = fitBgnbd(await readSummaryFile(flags.summary as string, ctx));
    return { ...fit.params, ll: fit.ll, converged: fit.converged, degenerate: fit.degenerate, warnings: fit.warnings };
  },
};
