import { Kysely } from "kysely";
import type { DatabaseConfig } from "../config.js";
import type { Database, Db } from "./database.js";
import { Sqlite3Dialect } from "./sqlite3-dialect.js";

export interface ReadDbHandle {
  /** Where admin pages read: the writer itself, or a second SQLite connection that never writes. */
  readDb: Db;
  close(): Promise<void>;
}

/**
 * Read connections. Two: the dashboard's and the sync status's polls come side by side, and one reader's slow query
 * (a large shop's figures rebuilt after a request) would otherwise hold every other admin read behind it.
 */
const READ_CONNECTIONS = 2;

/**
 * The admin's reads on their own SQLite connections. One connection runs one statement at a time, so a recompute's
 * page writes and the publisher held every dashboard and sync-status read behind them (p99 ~1 s for `select 1`).
 * In WAL mode each other connection reads the last committed state while the writer works. PostgreSQL already has a
 * pool, and an in-memory database is private to its connection: both read through the writer.
 */
export function createReadDb(config: DatabaseConfig, writer: Db): ReadDbHandle {
  if (config.kind === "postgres" || !config.filename || config.filename === ":memory:")
    return { readDb: writer, close: async () => {} };
  const dialect = new Sqlite3Dialect({
    filename: config.filename,
    connections: READ_CONNECTIONS,
    onOpen: (raw) =>
      new Promise<void>((resolve, reject) =>
        raw.exec("PRAGMA query_only=ON; PRAGMA busy_timeout=5000;", (err) => (err ? reject(err) : resolve())),
      ),
  });
  const readDb = new Kysely<Database>({ dialect });
  return { readDb, close: () => readDb.destroy() };
}
