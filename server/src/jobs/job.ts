/** A scheduled background job, run by jobs/scheduler.ts on node-cron. */
export interface Job {
  name: string;
  /** node-cron expression (5 or 6 fields). */
  schedule: string;
  run(): Promise<unknown>;
}
