// Webhook deliveries are acknowledged once stored; this queue applies them afterwards. It carries only a
// delivery's key: the worker claims the stored row itself (webhook-event.repository's claim), so a queue that
// loses an item (a crash, a shutdown) loses nothing, and one that hands an item out twice applies it once.
// In-process here (SQLite, one process); a pg-boss queue can implement the same interface for several instances.

/** A stored webhook delivery, by its key. */
export interface StoredDelivery {
  shop: string;
  webhookId: string;
  /** An earlier run of this apply was cut off (its process died or stopped): this one may take over its claim. */
  resumed?: boolean;
}

export interface DeliveryApplyQueue {
  /** Hands a stored delivery over to be applied; never blocks, never throws. Ignored once stopping. */
  enqueue(delivery: StoredDelivery): void;
  /** Settles when every delivery handed over so far has been tried (tests, benchmarks). */
  idle(): Promise<void>;
  /** Takes nothing more and waits for the deliveries being applied; those still waiting stay stored for the next start. */
  stop(): Promise<void>;
}

export interface InProcessQueueOptions {
  /** Deliveries applied at the same time (each is a few queries and maybe one platform call). */
  concurrency?: number;
  log?: (message: string) => void;
}

export function createInProcessApplyQueue(
  apply: (delivery: StoredDelivery) => Promise<void>,
  options: InProcessQueueOptions = {},
): DeliveryApplyQueue {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const log = options.log ?? console.error;
  const waiting: StoredDelivery[] = [];
  const active = new Set<Promise<void>>();
  let stopped = false;
  let drained: Array<() => void> = [];

  function pump(): void {
    while (!stopped && active.size < concurrency && waiting.length > 0) {
      const delivery = waiting.shift()!;
      const run: Promise<void> = apply(delivery)
        .catch((err: unknown) =>
          log(
            `applying webhook ${delivery.webhookId} for ${delivery.shop} failed: ${err instanceof Error ? err.message : String(err)}`,
          ),
        )
        .finally(() => {
          active.delete(run);
          pump();
        });
      active.add(run);
    }
    if (active.size === 0 && (waiting.length === 0 || stopped)) {
      for (const resolve of drained) resolve();
      drained = [];
    }
  }

  return {
    enqueue(delivery) {
      if (stopped) return;
      waiting.push(delivery);
      pump();
    },
    idle() {
      if (active.size === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => drained.push(resolve));
    },
    async stop() {
      stopped = true;
      waiting.length = 0;
      await Promise.allSettled([...active]);
    },
  };
}
