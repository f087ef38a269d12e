import fs from "node:fs";
import path from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type sqlite3 from "sqlite3";
import type { DatabaseConfig } from "../config.js";
import type { Database, Db, DbKind } from "./database.js";
import { Sqlite3Dialect } from "./sqlite3-dialect.js";

// pg returns int8/numeric as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface DbHandle {
  db: Db;
  kind: DbKind;
}

/** The database cannot be written (permissions, owner, read-only mount): start-up stops with this one message. */
export class DatabaseAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseAccessError";
  }
}

const ADVICE = "check its permissions and owner, or set DATABASE_URL to a file this user can write";

/**
 * Opens the configured database. For SQLite the parent folder is created, WAL is enabled and a write is tried
 * (and rolled back) at once: a read-only file used to open fine and fail on the first write, far from start-up.
 */
export function createDb(config: DatabaseConfig, options: { searchPath?: string } = {}): DbHandle {
  if (config.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 8,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind: "postgres" };
  }
  if (config.filename !== ":memory:") ensureCreatable(config.filename);
  const exec = (raw: sqlite3.Database, sql: string) =>
    new Promise<void>((resolve, reject) => raw.exec(sql, (err) => (err ? reject(err) : resolve())));
  const dialect = new Sqlite3Dialect({
    filename: config.filename,
    onOpen: async (raw) => {
      try {
        await exec(
          raw,
          "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;",
        );
        await exec(raw, "BEGIN IMMEDIATE; CREATE TABLE dangol_write_probe (x INTEGER); ROLLBACK;");
      } catch (err) {
        await exec(raw, "ROLLBACK").catch(() => undefined);
        throw cannotWrite(config.filename, err);
      }
    },
  });
  return { db: new Kysely<Database>({ dialect }), kind: "sqlite" };
}

/** Creates the folder; a file that does not exist yet needs a folder this user may write (root always may). */
function ensureCreatable(filename: string): void {
  const dir = path.dirname(filename);
  try {
    fs.mkdirSync(dir, { recursive: true });
    if (!fs.existsSync(filename)) fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    throw new DatabaseAccessError(
      `Database folder ${dir} is not writable (${codeOf(err)}): cannot create ${filename}; ${ADVICE}`,
    );
  }
}

/** SQLite says that it cannot write; the file system says which of the database's files is to blame. */
function cannotWrite(filename: string, err: unknown): unknown {
  const code = codeOf(err);
  if (!/^SQLITE_(READONLY|CANTOPEN|PERM)/.test(code)) return err;
  const dir = path.dirname(filename);
  const readOnly = [filename, `${filename}-wal`, `${filename}-shm`].find((f) => fs.existsSync(f) && !writable(f));
  if (readOnly) return new DatabaseAccessError(`Database file ${readOnly} is read-only (${code}): ${ADVICE}`);
  if (!writable(dir))
    return new DatabaseAccessError(
      `Database folder ${dir} is not writable (${code}): SQLite keeps ${path.basename(filename)}-wal and -shm beside the file; ${ADVICE}`,
    );
  return new DatabaseAccessError(
    `Database file ${filename} cannot be written (${code}), e.g. a read-only mount; ${ADVICE}`,
  );
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function codeOf(err: unknown): string {
  return (err as { code?: unknown })?.code ? String((err as { code: unknown }).code) : "unknown error";
}
