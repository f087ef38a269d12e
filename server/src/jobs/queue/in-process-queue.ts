import { randomUUID } from "node:crypto";
import { DEFAULT_RETRY, type EnqueueOptions, errorMessage, type JobHandler, type JobQueue } from "./job-queue.js";

interface QueuedJob {
  id: string;
  name: string;
  data: object;
  key?: string;
  attempt: number;
  options: Required<Omit<EnqueueOptions, "singletonKey">>;
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
  const pending = new Map<string, QueuedJob[]>();
  const workers = new Map<string, Worker>();
  const heldKeys = new Set<string>();
  const retryTimers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let stopped = false;

  const keyOf = (job: QueuedJob) => (job.key === undefined ? undefined : `${job.name}\u0000${job.key}`);
  const release = (job: QueuedJob) => {
    const key = keyOf(job);
    if (key) heldKeys.delete(key);
  };

  function pump(name: string) {
    const worker = workers.get(name);
    const queue = pending.get(name);
    if (!worker || !queue) return;
    while (!stopped && worker.running < worker.concurrency && queue.length > 0) {
      const job = queue.shift() as QueuedJob;
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
    const queue = pending.get(job.name) ?? [];
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
        },
      };
      const key = keyOf(job);
      if (key) {
        if (heldKeys.has(key)) return null;
        heldKeys.add(key);
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
