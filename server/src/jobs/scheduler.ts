import cron, { type ScheduledTask } from "node-cron";
import type { Job } from "./job.js";

export interface Scheduler {
  tasks: Map<string, ScheduledTask>;
  stop(): Promise<void>;
}

/** Registers jobs with node-cron. A run never overlaps itself, and a failure is logged, not thrown. */
export function startScheduler(jobs: Job[], log: (msg: string) => void = console.log): Scheduler {
  const tasks = new Map<string, ScheduledTask>();
  const running = new Set<Promise<void>>();
  let stopped = false;
  for (const job of jobs) {
    if (!cron.validate(job.schedule)) throw new Error(`Job ${job.name}: invalid cron expression "${job.schedule}"`);
    const task = cron.schedule(
      job.schedule,
      async () => {
        if (stopped) return;
        const run = job.run().then(
          () => undefined,
          (err: unknown) => log(`job ${job.name} failed: ${err instanceof Error ? err.message : String(err)}`),
        );
        running.add(run);
        await run.finally(() => running.delete(run));
      },
      { name: job.name, noOverlap: true },
    );
    tasks.set(job.name, task);
  }
  return {
    tasks,
    /** No new runs from now on; resolves when the runs already started have finished (shutdown). */
    async stop() {
      stopped = true;
      for (const task of tasks.values()) await task.destroy();
      await Promise.allSettled([...running]);
    },
  };
}
