// A recompute engine on its own worker thread, so the store fit and the predictions never hold the event loop:
// the main thread only reads pages, posts them and writes the answers.
import { Worker } from "node:worker_threads";
import { ValidationError } from "../domain/shared/errors.js";
import { engineOf, type EngineRequest, type RecomputeEngine } from "./recompute-engine.js";

const typescript = import.meta.url.endsWith(".ts");
const entry = new URL(`./recompute-worker.${typescript ? "ts" : "js"}`, import.meta.url).href;
const boot = new URL("./recompute-worker-boot.mjs", import.meta.url);

interface Reply {
  id: number;
  value?: unknown;
  error?: { name: string; message: string };
}

export function workerRecomputeEngine(): RecomputeEngine {
  const worker = new Worker(boot, { workerData: { entry } });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;
  const failAll = (err: Error) => {
    failure ??= err;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  worker.on("message", (reply: Reply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (!reply.error) return p.resolve(reply.value);
    p.reject(
      reply.error.name === "ValidationError"
        ? new ValidationError(reply.error.message)
        : Object.assign(new Error(reply.error.message), { name: reply.error.name }),
    );
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`recompute worker exited (code ${code})`)));
  const call = <T>(request: EngineRequest) =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, request });
    });
  return engineOf(call, async () => {
    await worker.terminate();
  });
}
