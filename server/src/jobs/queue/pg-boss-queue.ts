import { createHash, randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { DEFAULT_RETRY, errorMessage, type JobQueue, type KeyHeld, shopOf } from "./job-queue.js";
import { createLeases } from "./pg-boss-leases.js";

export interface PgBossQueueOptions {
  /** The app's own database: pg-boss keeps its tables in a schema of their own there. */
  connectionString: string;
  schema?: string;
  log?: (message: string) => void;
  /** How often an idle worker looks for jobs. */
  pollingIntervalSeconds?: number;
  /** An instance silent this long is taken for dead: its running jobs go back to the queue (see pg-boss-leases.ts). */
  staleAfterSeconds?: number;
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

type Fetched = { id: string; data: object };

/**
 * The queue for PostgreSQL: jobs are rows, shared by every instance on the database. Each work() keeps its
 * `concurrency` slots filled with its own fetch loop (pg-boss 10's work() takes one batch per polling interval).
 * Fairness: a job naming a shop gets priority -(that shop's jobs already waiting), and pg-boss fetches by priority
 * then age, so waiting jobs are served round-robin by shop.
 */
export async function createPgBossQueue(options: PgBossQueueOptions): Promise<JobQueue> {
  const log = options.log ?? console.error;
  const schema = options.schema ?? JOBS_SCHEMA;
  const pollMs = (options.pollingIntervalSeconds ?? 1) * 1000;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema,
    // node-cron is the clock on every instance; pg-boss's own cron stays off.
    schedule: false,
    max: 6,
    // A large shop's recompute may run long; a dead instance's jobs come back through the leases instead.
    expireInSeconds: 2 * 3600,
  });
  boss.on("error", (err) => log(`job queue: ${errorMessage(err)}`));
  await boss.start();
  const sqlOf = (text: string, values: unknown[]) => boss.getDb().executeSql(text, values);
  const leases = await createLeases({ schema, sql: sqlOf, instance: randomUUID(), log, ...options });
  const created = new Map<string, Promise<void>>();
  const keyHeldOf = new Map<string, KeyHeld>();
  const ensureQueue = (name: string, keyHeld: KeyHeld | undefined) => {
    if (keyHeld) keyHeldOf.set(name, keyHeld);
    let done = created.get(name);
    if (!done) {
      done = createQueueOnce(boss, name, keyHeld === "while-queued" ? "short" : "standard");
      created.set(name, done);
      done.catch(() => created.delete(name)); // the next call tries again
    }
    return done;
  };
  let stopped = false;
  const loops: Promise<void>[] = [];
  const running = new Map<string, { name: string; run: Promise<void> }>();
  const wakers = new Set<() => void>(); // stop() ends every loop's nap

  async function fairPriority(name: string, data: object): Promise<number> {
    const shop = shopOf(data);
    if (shop === undefined) return 0;
    const { rows } = await sqlOf(
      `SELECT count(*)::int AS n FROM ${schema}.job WHERE name = $1 AND state < 'active' AND data->>'shop' = $2`,
      [name, shop],
    );
    return -Number(rows[0].n);
  }

  async function workLoop(name: string, concurrency: number, handler: (data: object) => Promise<unknown>) {
    const mine = new Set<Promise<void>>();
    let wake: (() => void) | undefined;
    const nap = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    wakers.add(() => wake?.());
    while (!stopped) {
      const free = concurrency - mine.size;
      const jobs: Fetched[] =
        free > 0 ? await boss.fetch<object>(name, { batchSize: free }).catch(() => [] as Fetched[]) : [];
      if (stopped) {
        await leases.handBack(
          name,
          jobs.map((j) => j.id),
        ); // fetched after stop began: never started
        break;
      }
      if (jobs.length)
        await leases.take(
          name,
          jobs.map((j) => j.id),
        );
      for (const job of jobs) {
        const run: Promise<void> = handler(job.data)
          .then(
            // A "while-active" key is free once its job ended: the row goes (its id is the key's).
            () =>
              leases.settle(name, job.id, async () => {
                await boss.complete(name, job.id);
                if (keyHeldOf.get(name) === "while-active") await boss.deleteJob(name, job.id);
              }),
            (err: unknown) => {
              log(`job ${name} ${job.id} failed (retried if attempts are left): ${errorMessage(err)}`);
              return leases.settle(name, job.id, () => boss.fail(name, job.id, { message: errorMessage(err) }));
            },
          )
          .catch((err: unknown) => log(`job ${name} ${job.id}: could not record its end: ${errorMessage(err)}`))
          .finally(() => {
            mine.delete(run);
            running.delete(job.id);
            wake?.();
          });
        mine.add(run);
        running.set(job.id, { name, run });
      }
      // Full: wait for a slot. Found fewer than asked: the queue is drained for now, look again after pollMs.
      if (mine.size >= concurrency || jobs.length < free) await nap(mine.size >= concurrency ? 60_000 : pollMs);
    }
  }

  return {
    async enqueue(name, data, opts = {}) {
      if (stopped) return null;
      await ensureQueue(name, opts.keyHeld);
      const key = opts.singletonKey;
      return boss.send(name, data, {
        // "until-done" keys are a derived id (one row per key); "while-queued" ones rely on the queue's short policy.
        id: key === undefined || opts.keyHeld === "while-queued" ? undefined : singletonJobId(name, key),
        singletonKey: key,
        priority: opts.fairByShop === false ? 0 : await fairPriority(name, data),
        startAfter: opts.startAfterSeconds,
        retryLimit: opts.retryLimit ?? DEFAULT_RETRY.retryLimit,
        retryDelay: opts.retryDelaySeconds ?? DEFAULT_RETRY.retryDelaySeconds,
        retryBackoff: opts.retryBackoff ?? DEFAULT_RETRY.retryBackoff,
      });
    },
    async work(name, { concurrency = 1, keyHeld }, handler) {
      await ensureQueue(name, keyHeld);
      loops.push(workLoop(name, Math.max(1, concurrency), handler as (data: object) => Promise<unknown>));
    },
    async stop({ graceMs = 4000 } = {}) {
      if (stopped) return;
      stopped = true;
      for (const wakeLoop of wakers) wakeLoop();
      await Promise.allSettled(loops);
      // Running jobs get graceMs; any still running then are handed back (waiting again, no attempt spent), so
      // another instance runs them at once.
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled([...running.values()].map((r) => r.run)), grace]);
      clearTimeout(timer);
      const unfinished = new Map<string, string[]>();
      for (const [id, { name }] of running) unfinished.set(name, [...(unfinished.get(name) ?? []), id]);
      for (const [name, ids] of unfinished) await leases.handBack(name, ids).catch(() => undefined);
      await leases.stop();
      await boss.stop({ graceful: false, wait: true, close: true });
    },
  };
}

/**
 * pg-boss 10 creates a queue as a partition of its job table; two instances creating the same queue at once
 * deadlock (measured: "deadlock detected" when both cron ticks enqueue first). One of them wins, so the loser
 * finds the queue on its next try.
 */
async function createQueueOnce(boss: PgBoss, name: string, policy: "short" | "standard"): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, { name, policy });
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt * (1 + Math.random())));
    }
  }
}
