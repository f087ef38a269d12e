import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import { DEFAULT_RETRY, errorMessage, type JobQueue } from "./job-queue.js";

export interface PgBossQueueOptions {
  /** The app's own database: pg-boss keeps its tables in a schema of their own there. */
  connectionString: string;
  schema?: string;
  log?: (message: string) => void;
  /** How often an idle worker looks for jobs (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
}

/** pg-boss's schema in the app's database. */
export const JOBS_SCHEMA = "dangol_jobs";

/**
 * A job id derived from its singleton key: pg-boss inserts with ON CONFLICT DO NOTHING on (name, id), so a key
 * enqueued by ten instances, or again after its job completed, is one row until pg-boss archives it (12 h).
 */
export function singletonJobId(name: string, key: string): string {
  const h = createHash("sha256").update(`${name}\u0000${key}`).digest("hex");
  const variant = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The queue for PostgreSQL: jobs are rows, shared by every instance on the database. */
export async function createPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const log = options.log ?? console.error;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? JOBS_SCHEMA,
    // node-cron is the clock on every instance; pg-boss's own cron stays off.
    schedule: false,
    max: 4,
    // A large shop's recompute may run long; it is only handed to another worker after this.
    expireInSeconds: 2 * 3600,
  });
  boss.on("error", (err) => log(`job queue: ${errorMessage(err)}`));
  await boss.start();
  const created = new Map<string, Promise<void>>();
  const ensureQueue = (name: string) => {
    let done = created.get(name);
    if (!done) {
      done = createQueueOnce(boss, name);
      created.set(name, done);
      done.catch(() => created.delete(name)); // the next call tries again
    }
    return done;
  };
  let stopped = false;

  return {
    async enqueue(name, data, opts = {}) {
      if (stopped) return null;
      await ensureQueue(name);
      return boss.send(name, data, {
        id: opts.singletonKey === undefined ? undefined : singletonJobId(name, opts.singletonKey),
        singletonKey: opts.singletonKey,
        retryLimit: opts.retryLimit ?? DEFAULT_RETRY.retryLimit,
        retryDelay: opts.retryDelaySeconds ?? DEFAULT_RETRY.retryDelaySeconds,
        retryBackoff: opts.retryBackoff ?? DEFAULT_RETRY.retryBackoff,
      });
    },
    async work(name, { concurrency = 1 }, handler) {
      await ensureQueue(name);
      // pg-boss 10 has no per-worker concurrency: each work() is one poller taking one job at a time.
      for (let i = 0; i < Math.max(1, concurrency); i++)
        await boss.work<object>(
          name,
          { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
          async (jobs) => {
            for (const job of jobs)
              await (handler as (data: object) => Promise<unknown>)(job.data).catch((err: unknown) => {
                log(`job ${name} ${job.id} failed (retried if attempts are left): ${errorMessage(err)}`);
                throw err;
              });
          },
        );
    },
    async stop({ graceMs = 4000 } = {}) {
      stopped = true;
      // Running jobs get graceMs; any still running then are failed, so another instance retries them.
      await boss.stop({ graceful: true, wait: true, timeout: graceMs, close: true });
    },
  };
}

/**
 * pg-boss 10 creates a queue as a partition of its job table; two instances creating the same queue at once
 * deadlock (measured: "deadlock detected" when both cron ticks enqueue first). One of them wins, so the loser
 * finds the queue on its next try.
 */
async function createQueueOnce(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name);
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt * (1 + Math.random())));
    }
  }
}
