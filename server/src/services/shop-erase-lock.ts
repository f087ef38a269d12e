// Webhook deliveries of one shop are applied concurrently by the queue. An order apply checks "was this customer
// redacted since the delivery arrived?" and then writes; a redact running between the two would be undone (the
// erased customer revived). So erasures run alone per shop: an erase waits for the applies already running, and
// applies that start later wait for the erase. In-process: several instances would need the same rule in their
// shared queue (one erase job per shop at a time).

interface Lane {
  /** Settles when the last erase queued for this shop has finished. */
  exclusive: Promise<void>;
  running: Set<Promise<unknown>>;
}

export interface ShopEraseLock {
  /** Runs an apply that may write a shop's data; any number run together, never during an erase. */
  shared<T>(shop: string, run: () => Promise<T>): Promise<T>;
  /** Runs an erase of a shop's data (or part of it) with nothing else of that shop being applied. */
  exclusive<T>(shop: string, run: () => Promise<T>): Promise<T>;
}

export function createShopEraseLock(): ShopEraseLock {
  const lanes = new Map<string, Lane>();
  const laneOf = (shop: string) =>
    lanes.get(shop) ?? lanes.set(shop, { exclusive: Promise.resolve(), running: new Set() }).get(shop)!;

  return {
    async shared(shop, run) {
      const lane = laneOf(shop);
      // Wait until no erase is queued ahead; one queued while waiting goes first too.
      for (let ahead = lane.exclusive; ; ahead = lane.exclusive) {
        await ahead;
        if (ahead === lane.exclusive) break;
      }
      const p = run();
      lane.running.add(p);
      try {
        return await p;
      } finally {
        lane.running.delete(p);
      }
    },

    async exclusive(shop, run) {
      const lane = laneOf(shop);
      const ahead = lane.exclusive;
      let release!: () => void;
      lane.exclusive = new Promise<void>((r) => (release = r));
      try {
        await ahead;
        await Promise.allSettled([...lane.running]);
        return await run();
      } finally {
        release();
      }
    },
  };
}
