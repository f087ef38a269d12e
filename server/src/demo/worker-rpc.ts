// The request/reply plumbing both demo simulators' worker threads share (simulator-thread.ts for Shopify,
// cafe24-simulator-thread.ts for Cafe24): the main thread numbers each request, the worker answers "done" with
// that number, and a worker that exits fails whatever was still waiting.
import { type ResourceLimits, Worker } from "node:worker_threads";

export type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

export type WorkerRpcReply<Ready> =
  | ({ kind: "ready" } & Ready)
  | { kind: "done"; id: number; value?: unknown; error?: string }
  | { kind: "failed"; error: string };

export interface WorkerRpc<Request> {
  /** Resolves with what the worker's handler returned. */
  call<T = void>(request: WithoutId<Request>): Promise<T>;
  /** Asks the worker to close (the "close" request), then ends the thread. */
  close(): Promise<void>;
}

export interface WorkerRpcOptions {
  /** The TypeScript module the thread runs, loaded through simulator-thread-boot.mjs. */
  entry: URL;
  workerData: object;
  /** Names the thread in errors, e.g. "the demo store simulator". */
  name: string;
  resourceLimits?: ResourceLimits;
}

/** Starts a worker thread; resolves with its "ready" message once it is ready to take requests. */
export function startWorkerRpc<Request extends { id: number; op: string }, Ready>(
  options: WorkerRpcOptions,
): Promise<{ ready: Ready; rpc: WorkerRpc<Request> }> {
  const worker = new Worker(new URL("./simulator-thread-boot.mjs", import.meta.url), {
    workerData: { ...options.workerData, entry: options.entry.href },
    resourceLimits: options.resourceLimits,
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  let nextId = 1;
  let exited = false;
  const call = <T = void>(request: WithoutId<Request>) => {
    if (exited) return Promise.reject(new Error(`${options.name} has stopped`));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };
  const rpc: WorkerRpc<Request> = {
    call,
    async close() {
      if (exited) return;
      await call({ op: "close" } as WithoutId<Request>);
      await worker.terminate();
    },
  };
  return new Promise((resolve, reject) => {
    worker.on("message", (message: WorkerRpcReply<Ready>) => {
      if (message.kind === "failed") reject(new Error(`${options.name} failed: ${message.error}`));
      if (message.kind === "done") {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error));
        else waiter?.resolve(message.value);
      }
      if (message.kind !== "ready") return;
      const { kind: _kind, ...ready } = message;
      resolve({ ready: ready as Ready, rpc });
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      exited = true;
      for (const waiter of pending.values()) waiter.reject(new Error(`${options.name} exited (${code})`));
      pending.clear();
      reject(new Error(`${options.name} exited (${code}) before it was ready`));
    });
  });
}
