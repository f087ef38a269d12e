// The Cafe24 demo's simulator on its own thread, as the Shopify demo's (simulator-thread.ts): seeding 26,692
// orders in the app's thread held every admin request for 17-19 s at start-up on this machine.
import { Worker } from "node:worker_threads";
import type { Cafe24SimulatorOptions } from "../simulator-cafe24/index.js";

export type Cafe24SimulatorThreadRequest = { id: number } & (
  | { op: "subscribe"; address: string }
  | { op: "play" }
  | { op: "close" }
);

export type Cafe24SimulatorThreadReply =
  | { kind: "ready"; url: string; orders: number; memberIds: string[]; firstOrderAt: number | null }
  | { kind: "done"; id: number; error?: string }
  | { kind: "failed"; error: string };

export interface Cafe24SimulatorThread {
  url: string;
  /** What the mall was seeded with: the totals a finished backfill must reach. */
  orders: number;
  memberIds: string[];
  firstOrderAt: number | null;
  subscribe(address: string): Promise<void>;
  playOrder(): Promise<void>;
  close(): Promise<void>;
}

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** Starts the Cafe24 simulator (one seeded mall) in a worker thread; resolves once it is seeded and listening. */
export function startCafe24SimulatorThread(options: Cafe24SimulatorOptions): Promise<Cafe24SimulatorThread> {
  const worker = new Worker(new URL("./simulator-thread-boot.mjs", import.meta.url), {
    workerData: { entry: new URL("./cafe24-simulator-thread-entry.ts", import.meta.url).href, options },
  });
  const pending = new Map<number, { resolve(): void; reject(err: Error): void }>();
  let nextId = 1;
  let exited = false;
  const call = (request: WithoutId<Cafe24SimulatorThreadRequest>) => {
    if (exited) return Promise.reject(new Error("the Cafe24 demo simulator has stopped"));
    const id = nextId++;
    return new Promise<void>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  };
  return new Promise((resolve, reject) => {
    worker.on("message", (message: Cafe24SimulatorThreadReply) => {
      if (message.kind === "failed") reject(new Error(`Cafe24 demo simulator failed: ${message.error}`));
      if (message.kind === "done") {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error));
        else waiter?.resolve();
      }
      if (message.kind !== "ready") return;
      const { url, orders, memberIds, firstOrderAt } = message;
      resolve({
        ...{ url, orders, memberIds, firstOrderAt },
        subscribe: (address) => call({ op: "subscribe", address }),
        playOrder: () => call({ op: "play" }),
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
      for (const waiter of pending.values()) waiter.reject(new Error(`the Cafe24 demo simulator exited (${code})`));
      pending.clear();
      reject(new Error(`the Cafe24 demo simulator exited (${code}) before it was ready`));
    });
  });
}
