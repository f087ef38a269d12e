import { AppError } from "../domain/shared/errors";
import { backtestCommand } from "./commands/backtest.command";
import { fitBgnbdCommand } from "./commands/fit-bgnbd.command";
import { fitGgCommand } from "./commands/fit-gg.command";

const COMMANDS: Record<string, (argv: string[]) => object> = {
  "fit-bgnbd": fitBgnbdCommand,
  "fit-gg": fitGgCommand,
  backtest: (argv) => backtestCommand(argv, new Date()),
};

const USAGE = `usage: npm run cli -- <command> [flags]
  fit-bgnbd --summary <csv with frequency,recency,T>
  fit-gg    --summary <csv with frequency,monetary_value (or x,zbar)>
  backtest  --orders <Online Retail csv[.gz]> [--orders <next file>] --cutoff <YYYY-MM-DD> [--horizon-days 365]`;

/** Runs one command; returns the exit code (0 ok, 2 bad input or usage, 1 unexpected failure). */
export function runCli(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    err(name ? `unknown command "${name}"\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    out(JSON.stringify(command(rest)));
    return 0;
  } catch (e) {
    if (e instanceof AppError && e.code === "InvalidInput") {
      err(`error: ${e.message}`);
      return 2;
    }
    err(`unexpected error: ${(e as Error).stack ?? e}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"))) {
  process.exitCode = runCli(process.argv.slice(2), (s) => process.stdout.write(s + "\n"), (s) => process.stderr.write(s + "\n"));
}
