// A full recompute's pages flow through three places at once: the database (reading the next page), the worker
// (fitting or predicting this one) and the main thread (storing and publishing the previous one). Reading one
// page ahead keeps the database busy while the worker computes; memory stays bounded by a few pages.

/** Yields what `pages` yields, asking for the next page as soon as one is handed out. */
export async function* readAhead<T>(pages: AsyncIterator<T>): AsyncGenerator<T> {
  let next = pages.next();
  try {
    for (;;) {
      const page = await next;
      if (page.done) return;
      next = pages.next();
      // A failed read surfaces when awaited; until then it must not count as unhandled.
      next.catch(() => undefined);
      yield page.value;
    }
  } finally {
    // The consumer stopped (done, or threw): the read in flight ends before the recompute returns.
    await next.then(
      () => pages.return?.(),
      () => undefined,
    );
  }
}

/**
 * Runs each page's write after the previous one's, without waiting for it: `write` of page N overlaps the work on
 * page N + 1, and `drain` waits for the last one (and throws a write's failure).
 */
export function writeBehind() {
  let last: Promise<void> = Promise.resolve();
  return {
    /** Waits for the previous write (throwing its failure), then starts this one. */
    async push(write: () => Promise<void>): Promise<void> {
      await last;
      last = write();
      last.catch(() => undefined);
    },
    drain: () => last,
    /** After a failure elsewhere: the write in flight ends, its own failure is left to the first one. */
    settle: () => last.catch(() => undefined),
  };
}
