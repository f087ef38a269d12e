/**
 * A scheduled background job. node-cron is the clock (jobs/scheduler.ts): each tick only enqueues, on every
 * instance, and whichever worker takes a job runs it, so N instances do each period's work once.
 */
export interface Job {
  name: string;
  /** node-cron expression (5 or 6 fields). */
  schedule: string;
  /** The whole tick's work now, in this process (tests, the CLI); the scheduler runs it through the queue instead. */
  run(): Promise<unknown>;
  /** Split into one queued job per shop (fair: a huge shop holds one worker, not the rest of the list). */
  perShop?: {
    listShops(): Promise<string[]>;
    runShop(shop: string): Promise<unknown>;
    /** Work that is not any shop's, queued once per period next to the shops' (e.g. retrying stored webhooks). */
    once?(): Promise<unknown>;
  };
  /** What a period is, in the singleton key: one per UTC day, or one per tick (the default). */
  period?: "day" | "tick";
  /** Per-instance concurrency of its worker (default 2). */
  concurrency?: number;
}
