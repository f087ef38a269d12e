import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { createDb, type DbHandle } from "../../server/src/db/create-db.js";
import { migrateToLatest } from "../../server/src/db/migrate.js";

/** The PostgreSQL server to test against, if any (CI sets it for its second pass). */
export const PG_URL =
  process.env.PG_URL || (process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined);

export interface TestDb extends DbHandle {
  destroy(): Promise<void>;
}

/**
 * A migrated, empty, real database: a fresh SQLite file, or a fresh schema on PG_URL when set.
 * Each call is isolated, so test files can run in parallel.
 */
export async function createTestDb(kind: "sqlite" | "postgres" = PG_URL ? "postgres" : "sqlite"): Promise<TestDb> {
  if (kind === "postgres") {
    if (!PG_URL) throw new Error("PG_URL is not set");
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const admin = createDb({ kind: "postgres", url: PG_URL });
    await sql.raw(`create schema ${schema}`).execute(admin.db);
    await admin.db.destroy();
    const handle = createDb({ kind: "postgres", url: PG_URL }, { searchPath: schema });
    await migrateToLatest(handle.db, schema);
    return {
      ...handle,
      async destroy() {
        await sql.raw(`drop schema ${schema} cascade`).execute(handle.db);
        await handle.db.destroy();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "dangol-test-"));
  const handle = createDb({ kind: "sqlite", filename: path.join(dir, "test.sqlite") });
  await migrateToLatest(handle.db);
  return { ...handle, destroy: () => handle.db.destroy() };
}
