import { runCli } from "../../../server/src/cli/main.js";
import type { CliContext } from "../../../server/src/cli/context.js";

/** Runs the CLI in-process and collects what it printed. */
export async function run(argv: string[], context: Partial<CliContext> = {}) {
  const out: string[] = [],
    err: string[] = [];
  const code = await runCli(
    argv,
    (s) => out.push(s),
    (s) => err.push(s),
    context,
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}
