import type { Db } from "../db/database.js";

/** An open database for commands that need one, and how to let it go. */
export interface DbSession {
  db: Db;
  close(): Promise<void>;
}

/** What commands get from the CLI's composition root (cli/main.ts); tests pass their own. */
export interface CliContext {
  now: Date;
  /** Cap on a gzip file's decompressed size (see input-file.ts). */
  maxInputBytes?: number;
  openDb: () => Promise<DbSession>;
  /** Progress and warnings go to stderr; stdout carries only the JSON result. */
  warn: (message: string) => void;
}

export interface Command {
  usage: string;
  run(argv: string[], ctx: CliContext): Promise<object>;
}
