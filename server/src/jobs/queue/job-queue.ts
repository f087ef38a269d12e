// One interface for background work: the in-process queue (SQLite, one process) and pg-boss (PostgreSQL, any
// number of instances) both implement it, so jobs and main.ts never know which one runs them.

export interface EnqueueOptions {
  /** While a job with this key exists (pg-boss: until it is archived), enqueuing the same key again is a no-op. */
  singletonKey?: string;
  /** Attempts after the first one fails. */
  retryLimit?: number;
  /** Seconds before the first retry. */
  retryDelaySeconds?: number;
  /** Double the delay at each further retry. */
  retryBackoff?: boolean;
  /** How long the key is held: until the job is done (default), or only while it waits (coalescing, see KeyHeld). */
  keyHeld?: KeyHeld;
  /** Round-robin by the data's shop (default true); off for work so short that ordering costs more than it saves. */
  fairByShop?: boolean;
  /**
   * Seconds before the job may start: with a "while-queued" key, what arrives meanwhile coalesces into it. pg-boss
   * only; SQLite's in-process queue (one process) runs it as soon as a slot is free.
   */
  startAfterSeconds?: number;
}

/**
 * "until-done": one job per key (a period's unit; pg-boss: until archived). "while-active": one job per key while it
 * waits or runs, free once it ended (a shop's backfill: never two at once, resumable later). "while-queued": a key coalesces only jobs not yet started, so
 * a burst of one customer's orders queues one recompute, and an order arriving while it runs queues the next.
 * Give the same value to work() and enqueue() of a name (pg-boss fixes it when the queue is created).
 */
export type KeyHeld = "until-done" | "while-queued" | "while-active";

export interface WorkOptions {
  /** Jobs of this name this process runs at once. */
  concurrency?: number;
  keyHeld?: KeyHeld;
}

/**
 * Fairness: jobs whose data names a `shop` are served round-robin by shop (each shop's n-th waiting job runs after
 * every other shop's (n-1)-th), so one shop's backlog never starves the others' work.
 */
export function shopOf(data: object): string | undefined {
  const shop = (data as { shop?: unknown }).shop;
  return typeof shop === "string" ? shop : undefined;
}

export type JobHandler<T> = (data: T) => Promise<unknown>;

export interface JobQueue {
  /** The job's id, or null when a job with the same singleton key is already there. */
  enqueue<T extends object>(name: string, data: T, options?: EnqueueOptions): Promise<string | null>;
  /** Runs this process's share of the named jobs; a handler that throws has its job retried. */
  work<T extends object>(name: string, options: WorkOptions, handler: JobHandler<T>): Promise<void>;
  /** Takes no new jobs; waits up to graceMs for running ones (unfinished ones are retried later where durable). */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/** Retry policy when a caller gives none: two more attempts, 60 s then about 120 s later. */
export const DEFAULT_RETRY = { retryLimit: 2, retryDelaySeconds: 60, retryBackoff: true } as const;

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
