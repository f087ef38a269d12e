import cron, { type ScheduledTask } from "node-cron";
import type { Job } from "./job.js";
import { errorMessage, type JobQueue } from "./queue/job-queue.js";

export interface Scheduler {
  tasks: Map<string, ScheduledTask>;
  /** No more ticks; resolves once the ticks already enqueuing have finished. The queue is stopped by its owner. */
  stop(): Promise<void>;
}

/** A queued unit of a job: one shop's share, or (no shop) the job's work that is not any shop's. */
export interface JobUnit {
  shop?: string;
}

/** The period a tick names in its singleton keys: its UTC day, or its scheduled minute (every instance agrees). */
export function periodOf(job: Pick<Job, "period">, tickDate: Date): string {
  const iso = tickDate.toISOString();
  return job.period === "day" ? iso.slice(0, 10) : iso.slice(0, 16);
}

/** The singleton key of one unit: job, shop and period, e.g. `recompute-timing:a.myshopify.com:2026-12-02`. */
export function unitKey(job: Job, unit: JobUnit, tickDate: Date): string {
  return `${job.name}:${unit.shop ?? "*"}:${periodOf(job, tickDate)}`;
}

/** What a tick does on every instance: enqueue the period's units. Returns how many were new (not already queued). */
export async function enqueueTick(queue: JobQueue, job: Job, tickDate: Date): Promise<number> {
  const units: JobUnit[] = job.perShop
    ? [...(job.perShop.once ? [{}] : []), ...(await job.perShop.listShops()).map((shop) => ({ shop }))]
    : [{}];
  let added = 0;
  for (const unit of units) {
    if (await queue.enqueue(job.name, unit, { singletonKey: unitKey(job, unit, tickDate) })) added++;
  }
  return added;
}

/** The worker side: runs one unit. A throw is the queue's to retry. */
export function unitHandler(job: Job): (unit: JobUnit) => Promise<unknown> {
  return async (unit) => {
    if (!job.perShop) return job.run();
    if (unit.shop !== undefined) return job.perShop.runShop(unit.shop);
    return job.perShop.once?.();
  };
}

/**
 * Registers each job's worker on the queue and its clock on node-cron. A tick only enqueues (idempotent per
 * shop, job and period), so every instance may tick and each unit still runs once, on whichever worker takes it.
 */
export async function startScheduler(
  jobs: Job[],
  queue: JobQueue,
  log: (msg: string) => void = console.log,
  /** Units of a job this instance runs at once, unless the job sets its own. */
  concurrency = 2,
): Promise<Scheduler> {
  const tasks = new Map<string, ScheduledTask>();
  const ticking = new Set<Promise<unknown>>();
  let stopped = false;
  for (const job of jobs) {
    if (!cron.validate(job.schedule)) throw new Error(`Job ${job.name}: invalid cron expression "${job.schedule}"`);
  }
  for (const job of jobs) {
    await queue.work(job.name, { concurrency: job.concurrency ?? concurrency }, unitHandler(job));
    const task = cron.schedule(
      job.schedule,
      async (context) => {
        if (stopped) return;
        const tick = enqueueTick(queue, job, context.date).catch((err: unknown) =>
          log(`job ${job.name}: enqueuing failed: ${errorMessage(err)}`),
        );
        ticking.add(tick);
        await tick.finally(() => ticking.delete(tick));
      },
      { name: job.name, noOverlap: true },
    );
    tasks.set(job.name, task);
  }
  return {
    tasks,
    async stop() {
      stopped = true;
      for (const task of tasks.values()) await task.destroy();
      await Promise.allSettled([...ticking]);
    },
  };
}
