import fs from "node:fs";
import path from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
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

/** Opens the configured database. For SQLite the parent folder is created and WAL is enabled. */
export function createDb(config: DatabaseConfig, options: { searchPath?: string } = {}): DbHandle {
  if (config.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 8,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind: "postgres" };
  }
  if (config.filename !== ":memory:") fs.mkdirSync(path.dirname(config.filename), { recursive: true });
  const dialect = new Sqlite3Dialect({
    filename: config.filename,
    onOpen: (raw) =>
      new Promise<void>((resolve, reject) =>
        raw.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;", (err) =>
          err ? reject(err) : resolve(),
        ),
      ),
  });
  return { db: new Kysely<Database>({ dialect }), kind: "sqlite" };
}
