// pg-boss queues on a throwaway schema, one per app instance a PostgreSQL job test plays; close() stops them and
// drops the schema (CI's second pass shares the cluster). Only with PG_URL set.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { createDb } from "../../server/src/db/create-db.js";
import type { JobQueue } from "../../server/src/jobs/queue/job-queue.js";
import { createPgBossQueue } from "../../server/src/jobs/queue/pg-boss-queue.js";
import { PG_URL } from "./test-db.js";

export interface PgBossQueues {
  schema: string;
  /** A new instance's queue; the first creates the schema, so open them one after the other. */
  open(log?: (message: string) => void): Promise<JobQueue>;
  close(): Promise<void>;
}

export function pgBossQueues(schemaPrefix: string, pollingIntervalSeconds: number): PgBossQueues {
  const schema = `${schemaPrefix}_${randomBytes(5).toString("hex")}`;
  const queues: JobQueue[] = [];
  return {
    schema,
    async open(log = () => undefined) {
      const queue = await createPgBossQueue({
        connectionString: PG_URL as string,
        schema,
        log,
        pollingIntervalSeconds,
      });
      queues.push(queue);
      return queue;
    },
    async close() {
      await Promise.all(queues.map((q) => q.stop({ graceMs: 0 })));
      const admin = createDb({ kind: "postgres", url: PG_URL as string });
      await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.db);
      await admin.db.destroy();
    },
  };
}
