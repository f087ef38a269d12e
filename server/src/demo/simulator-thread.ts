// The demo's store simulator on its own thread. Shopify is another machine; in demo mode it shares our process,
// and seeding 26,692 orders or building a bulk export is seconds of CPU that would otherwise hold every request
// (status checks stalled up to 8 s). The app still talks to it over HTTP only, through the production adapter.
import { Worker } from "node:worker_threads";
import type { SimulatorOptions } from "../simulator/index.js";

export type SimulatorThreadRequest = { id: number } & (
  | { op: "subscribe"; topics: string[]; address: string }
  | { op: "play"; count: number }
  | { op: "close" }
);

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

export type SimulatorThreadReply =
  | { kind: "ready"; url: string; orders: number; customerIds: string[] }
  | { kind: "done"; id: number; error?: string }
  | { kind: "failed"; error: string };

export interface SimulatorThread {
  url: string;
  /** What the simulator was seeded with: the totals a finished backfill must reach. */
  orders: number;
  customerIds: string[];
  subscribe(topics: string[], address: string): Promise<void>;
  playOrders(count: number): Promise<void>;
  close(): Promise<void>;
}

const YOUNG_GENERATION_MB = 192;

/** Starts the simulator (one seeded shop) in a worker thread; resolves once it is seeded and listening. */
export function startSimulatorThread(options: SimulatorOptions): Promise<SimulatorThread> {
  const worker = new Worker(new URL("./simulator-thread-boot.mjs", import.meta.url), {
    workerData: { entry: new URL("./simulator-thread-entry.ts", import.meta.url).href, options },
    // A bulk export makes millions of short-lived objects beside a store of half a million line records; a larger
    // young generation lets them die there instead of being promoted and marked with the store (export CPU -12 %).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const pending = new Map<number, { resolve(): void; reject(err: Error): void }>();
  let nextId = 1;
  let exited = false;
  const call = (request: WithoutId<SimulatorThreadRequest>) => {
    if (exited) return Promise.reject(new Error("the demo store simulator has stopped"));
    const id = nextId++;
    return new Promise<void>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  };
  return new Promise((resolve, reject) => {
    worker.on("message", (message: SimulatorThreadReply) => {
      if (message.kind === "failed") reject(new Error(`demo store simulator failed: ${message.error}`));
      if (message.kind === "done") {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error));
        else waiter?.resolve();
      }
      if (message.kind !== "ready") return;
      resolve({
        url: message.url,
        orders: message.orders,
        customerIds: message.customerIds,
        subscribe: (topics, address) => call({ op: "subscribe", topics, address }),
        playOrders: (count) => call({ op: "play", count }),
        async close() {
          if (exited) return;
          await call({ op: "close" });
          await worker.terminate();
        },
      });
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      exited = true;
      for (const waiter of pending.values()) waiter.reject(new Error(`the demo store simulator exited (${code})`));
      pending.clear();
      reject(new Error(`the demo store simulator exited (${code}) before it was ready`));
    });
  });
}
