// The CLI's composition root (a separate process from the server): commands get files, a clock and, for import,
// the database the server uses (DATABASE_URL, read by config.ts).
import { ConfigError, loadConfig } from "../config.js";
import { createDb } from "../db/create-db.js";
import { migrateToLatest } from "../db/migrate.js";
import { AppError } from "../domain/shared/errors.js";
import { wantsHelp } from "./args.js";
import { backtestCommand } from "./commands/backtest.command.js";
import { fitBgnbdCommand } from "./commands/fit-bgnbd.command.js";
import { fitGgCommand } from "./commands/fit-gg.command.js";
import { importCommand } from "./commands/import.command.js";
import { simulateMonthCommand } from "./commands/simulate-month.command.js";
import { validateSyntheticCommand } from "./commands/validate-synthetic.command.js";
import type { CliContext, Command, DbSession } from "./context.js";

const COMMANDS: Record<string, Command> = {
  "fit-bgnbd": fitBgnbdCommand,
  "fit-gg": fitGgCommand,
  backtest: backtestCommand,
  import: importCommand,
  "simulate-month": simulateMonthCommand,
  "validate-synthetic": validateSyntheticCommand,
};

const indent = (text: string) =>
  text
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");

export const USAGE = `usage: npm run cli -- <command> [flags]      (npm run cli -- <command> --help for one command)

${Object.values(COMMANDS)
  .map((c) => indent(c.usage))
  .join("\n\n")}

Exit codes: 0 done, 2 bad input or usage (one message on stderr), 1 unexpected failure.`;

/** Runs one command; resolves to the exit code (0 ok or help, 2 bad input or usage, 1 unexpected failure). */
export async function runCli(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  context: Partial<CliContext> = {},
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    (name === undefined ? err : out)(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  if (wantsHelp(rest)) {
    out(`usage: npm run cli -- ${command.usage}`);
    return 0;
  }
  const ctx: CliContext = { now: new Date(), openDb: openConfiguredDb, warn: err, ...context };
  try {
    out(JSON.stringify(await command.run(rest, ctx)));
    return 0;
  } catch (e) {
    if ((e instanceof AppError && e.code === "InvalidInput") || e instanceof ConfigError) {
      err(`error: ${e.message}`);
      return 2;
    }
    err(`unexpected error: ${(e as Error).stack ?? e}`);
    return 1;
  }
}

/** The server's own database (DATABASE_URL, default ./data/dangol.sqlite), migrated like start-up does. */
async function openConfiguredDb(): Promise<DbSession> {
  const { db } = createDb(loadConfig().database);
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { db, close: () => db.destroy() };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"))) {
  process.exitCode = await runCli(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
}
