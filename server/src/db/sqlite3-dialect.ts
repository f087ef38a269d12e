// Minimal Kysely dialect for the async `sqlite3` (node-sqlite3) driver.
// Kysely's built-in SqliteDialect expects a synchronous better-sqlite3-like API,
// so we reuse its adapter / compiler / introspector and only supply the driver.
import sqlite3 from "sqlite3";
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type RootOperationNode,
} from "kysely";

export interface Sqlite3DialectConfig {
  /** File name, or ":memory:" */
  filename: string;
  /** Runs once after open, e.g. PRAGMAs. */
  onOpen?: (db: sqlite3.Database) => Promise<void> | void;
  /**
   * Connections to the file, each running one user's statements at a time (default 1). More than one only for a
   * reader: in WAL mode each reads the last commit on its own, so one reader's long query does not hold another's.
   */
  connections?: number;
}

const READ_SQL = /^\s*(select|with|pragma|values|explain)\b/i;

function returnsRows(node: RootOperationNode, sql: string): boolean {
  if (SelectQueryNode.is(node)) return true;
  if ("returning" in node && node.returning) return true; // insert/update/delete ... returning
  if (node.kind === "RawNode") return READ_SQL.test(sql) || /\breturning\b/i.test(sql);
  return false;
}

function bindable(params: readonly unknown[]): unknown[] {
  // node-sqlite3 silently binds BigInt as NULL: convert or refuse.
  return params.map((p) => {
    if (typeof p !== "bigint") return p;
    if (p <= BigInt(Number.MAX_SAFE_INTEGER) && p >= BigInt(Number.MIN_SAFE_INTEGER)) return Number(p);
    throw new RangeError(`bigint parameter ${p} does not fit in a JS number`);
  });
}

class Sqlite3Connection implements DatabaseConnection {
  constructor(private readonly db: sqlite3.Database) {}

  executeQuery<R>(cq: CompiledQuery): Promise<QueryResult<R>> {
    const params = bindable(cq.parameters);
    if (returnsRows(cq.query, cq.sql)) {
      return new Promise((resolve, reject) =>
        this.db.all(cq.sql, params, (err, rows) => (err ? reject(err) : resolve({ rows: rows as R[] }))),
      );
    }
    return new Promise((resolve, reject) =>
      this.db.run(cq.sql, params, function (err) {
        if (err) return reject(err);
        resolve({
          rows: [],
          numAffectedRows: BigInt(this.changes ?? 0),
          insertId: this.lastID != null ? BigInt(this.lastID) : undefined,
        });
      }),
    );
  }

  async *streamQuery<R>(cq: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // Simple, memory-bound implementation: fine for an app of this size.
    const { rows } = await this.executeQuery<R>(cq);
    for (const row of rows) yield { rows: [row] };
  }
}

/** Connections lent to one user at a time; users waiting for one are served in arrival order. */
class ConnectionPool {
  private readonly free: Sqlite3Connection[] = [];
  private readonly waiting: Array<(connection: Sqlite3Connection) => void> = [];

  acquire(): Promise<Sqlite3Connection> {
    const connection = this.free.shift();
    if (connection) return Promise.resolve(connection);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(connection: Sqlite3Connection): void {
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.free.push(connection);
  }
}

class Sqlite3Driver implements Driver {
  private handles: sqlite3.Database[] = [];
  private readonly pool = new ConnectionPool();

  constructor(private readonly config: Sqlite3DialectConfig) {}

  async init(): Promise<void> {
    for (let i = 0; i < (this.config.connections ?? 1); i++) {
      const db = await new Promise<sqlite3.Database>((resolve, reject) => {
        const db = new sqlite3.Database(this.config.filename, (err) => (err ? reject(err) : resolve(db)));
      });
      this.handles.push(db);
      await this.config.onOpen?.(db);
      this.pool.release(new Sqlite3Connection(db));
    }
  }
  acquireConnection(): Promise<DatabaseConnection> {
    return this.pool.acquire(); // SQLite: one user per connection at a time
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.pool.release(connection as Sqlite3Connection);
  }
  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw("begin"));
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw("commit"));
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw("rollback"));
  }
  async destroy(): Promise<void> {
    const handles = this.handles;
    this.handles = [];
    for (const db of handles)
      await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  }
}

export class Sqlite3Dialect implements Dialect {
  constructor(private readonly config: Sqlite3DialectConfig) {}
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new Sqlite3Driver(this.config);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Dialect interface declares it so
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
