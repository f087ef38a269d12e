import { fitBgnbd } from "../../domain/btyd/bgnbd-fit.js";
import { parseFlags } from "../args.js";
import type { Command } from "../context.js";
import { readSummaryFile } from "../summary-file.js";

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
