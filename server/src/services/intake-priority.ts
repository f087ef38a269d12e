// Acknowledgements before applies, on one instance. During a burst an apply (about ten round trips, measured 9 ms
// of app CPU and 13 ms of PostgreSQL's against an acknowledgement's 2.4 + 2.4 ms) took CPU the waiting senders
// needed: Shopify gives up on an answer after 5 s, while a stored delivery is safe and may be applied later. So an
// apply waits while any delivery is being acknowledged here, at most `maxWaitMs` (a steady stream never starves
// the applies: each still runs, later).

/** How long an apply waits for the acknowledgements in flight to end before it runs anyway. */
export const APPLY_YIELD_MAX_MS = 1000;

export interface IntakePriority {
  /** Runs one acknowledgement; applies wait while any runs. */
  ack<T>(run: () => Promise<T>): Promise<T>;
  /** Settles once no acknowledgement runs, or after maxWaitMs. */
  quiet(): Promise<void>;
}

export function createIntakePriority(maxWaitMs = APPLY_YIELD_MAX_MS): IntakePriority {
  let acking = 0;
  let waiting: Array<() => void> = [];
  return {
    async ack(run) {
      acking++;
      try {
        return await run();
      } finally {
        if (--acking === 0 && waiting.length) {
          const release = waiting;
          waiting = [];
          for (const resolve of release) resolve();
        }
      }
    },
    quiet() {
      if (acking === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiting = waiting.filter((w) => w !== done);
          resolve();
        };
        const timer = setTimeout(done, maxWaitMs);
        waiting.push(done);
      });
    },
  };
}
