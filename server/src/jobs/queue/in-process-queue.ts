import { randomUUID } from "node:crypto";
import {
  DEFAULT_RETRY,
  type EnqueueOptions,
  errorMessage,
  type JobHandler,
  type JobQueue,
  shopOf,
} from "./job-queue.js";

interface QueuedJob {
  id: string;
  name: string;
  data: object;
  key?: string;
  attempt: number;
  options: Required<Omit<EnqueueOptions, "singletonKey" | "startAfterSeconds">>;
}

/** One name's waiting jobs, one lane per shop (jobs without a shop share a lane), served round-robin. */
class Lanes {
  private lanes = new Map<string, QueuedJob[]>();
  get size(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.length;
    return n;
  }
  push(job: QueuedJob): void {
    const key = (job.options.fairByShop && shopOf(job.data)) || "";
    const lane = this.lanes.get(key) ?? [];
    lane.push(job);
    this.lanes.set(key, lane);
  }
  /** The first lane's oldest job; that lane then goes to the back (Map keeps insertion order). */
  shift(): QueuedJob | undefined {
    for (const [key, lane] of this.lanes) {
      const job = lane.shift();
      this.lanes.delete(key);
      if (lane.length) this.lanes.set(key, lane);
      if (job) return job;
    }
    return undefined;
  }
}

interface Worker {
  handler: JobHandler<object>;
  concurrency: number;
  running: number;
}

/**
 * The queue for SQLite: one process, jobs in memory (the cron ticks enqueue them again next period, so a restart
 * loses at most one period's work). A singleton key is held while its job is queued, waiting to retry or running.
 */
export function createInProcessQueue(log: (message: string) => void = console.error): JobQueue {
  const pending = new Map<string, Lanes>();
  const workers = new Map<string, Worker>();
  const heldKeys = new Map<string, string>(); // key → the id of the job holding it
  const retryTimers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let stopped = false;

  const keyOf = (job: QueuedJob) => (job.key === undefined ? undefined : `${job.name}\u0000${job.key}`);
  const release = (job: QueuedJob) => {
    const key = keyOf(job);
    if (key && heldKeys.get(key) === job.id) heldKeys.delete(key);
  };

  function pump(name: string) {
    const worker = workers.get(name);
    const queue = pending.get(name);
    if (!worker || !queue) return;
    while (!stopped && worker.running < worker.concurrency && queue.size > 0) {
      const job = queue.shift() as QueuedJob;
      // A coalescing key is free again once its job starts: a change arriving now needs another run.
      if (job.options.keyHeld === "while-queued") release(job);
      worker.running++;
      const run = runOnce(job, worker).finally(() => {
        worker.running--;
        running.delete(run);
        pump(name);
      });
      running.add(run);
    }
  }

  async function runOnce(job: QueuedJob, worker: Worker) {
    try {
      await worker.handler(job.data);
      release(job);
    } catch (err) {
      const { retryLimit, retryDelaySeconds, retryBackoff } = job.options;
      if (stopped || job.attempt > retryLimit) {
        log(`job ${job.name} ${job.key ?? job.id} failed for good: ${errorMessage(err)}`);
        release(job);
        return;
      }
      const delayMs = retryDelaySeconds * 1000 * (retryBackoff ? 2 ** (job.attempt - 1) : 1);
      log(
        `job ${job.name} ${job.key ?? job.id} failed (attempt ${job.attempt}), retry in ${delayMs} ms: ${errorMessage(err)}`,
      );
      const timer = setTimeout(() => {
        retryTimers.delete(timer);
        push({ ...job, attempt: job.attempt + 1 });
      }, delayMs);
      timer.unref();
      retryTimers.add(timer);
    }
  }

  function push(job: QueuedJob) {
    const queue = pending.get(job.name) ?? new Lanes();
    queue.push(job);
    pending.set(job.name, queue);
    pump(job.name);
  }

  return {
    async enqueue(name, data, options = {}) {
      if (stopped) return null;
      const job: QueuedJob = {
        id: randomUUID(),
        name,
        data,
        key: options.singletonKey,
        attempt: 1,
        options: {
          retryLimit: options.retryLimit ?? DEFAULT_RETRY.retryLimit,
          retryDelaySeconds: options.retryDelaySeconds ?? DEFAULT_RETRY.retryDelaySeconds,
          retryBackoff: options.retryBackoff ?? DEFAULT_RETRY.retryBackoff,
          keyHeld: options.keyHeld ?? "until-done",
          fairByShop: options.fairByShop ?? true,
        },
      };
      const key = keyOf(job);
      if (key) {
        if (heldKeys.has(key)) return null;
        heldKeys.set(key, job.id);
      }
      push(job);
      return job.id;
    },
    async work(name, { concurrency = 1 }, handler) {
      if (workers.has(name)) throw new Error(`a worker for ${name} is already registered`);
      workers.set(name, { handler: handler as JobHandler<object>, concurrency: Math.max(1, concurrency), running: 0 });
      pump(name);
    },
    async stop({ graceMs = 4000 } = {}) {
      stopped = true;
      for (const timer of retryTimers) clearTimeout(timer);
      retryTimers.clear();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled([...running]), grace]);
      clearTimeout(timer);
    },
  };
}
