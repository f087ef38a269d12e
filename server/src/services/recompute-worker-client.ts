// A recompute engine on its own worker thread, so the store fit and the predictions never hold the event loop:
// the main thread only reads pages, posts them and writes the answers.
import { Worker, type ResourceLimits } from "node:worker_threads";
import { ValidationError } from "../domain/shared/errors.js";
import type { StoreModel } from "../domain/timing/store-model.js";
import { engineOf, type EngineRequest, type RecomputeEngine } from "./recompute-engine.js";

const typescript = import.meta.url.endsWith(".ts");
const entry = new URL(`./recompute-worker.${typescript ? "ts" : "js"}`, import.meta.url).href;
const boot = new URL("./recompute-worker-boot.mjs", import.meta.url);

/**
 * The second pass's thread holds the model and a page or two: a small heap. Left to V8's defaults its heap grew
 * with the garbage of every page (50,000 customers: the process's RSS from 440 to 770 MB during the predictions;
 * with this limit it stayed at 320–410 MB).
 */
const PREDICT_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256 };

interface Reply {
  id: number;
  value?: unknown;
  error?: { name: string; message: string };
}

/**
 * The first pass and the fit run on one thread (it keeps the fit's samples, up to 200,000 customers); the model
 * then goes to a fresh thread for the predictions, so the fit's heap is given back instead of carried through
 * the second pass.
 */
export function workerRecomputeEngine(): RecomputeEngine {
  let thread = startThread();
  let now = new Date(0);
  const engine = engineOf(
    (request) => thread.call(request),
    () => thread.close(),
  );
  return {
    ...engine,
    begin: (total, at) => {
      now = at;
      return engine.begin(total, at);
    },
    async fit(overrides): Promise<StoreModel> {
      // The prediction thread loads its modules while the fit runs (about a second of start-up off the critical path).
      const next = startThread(PREDICT_LIMITS);
      const model = await engine.fit(overrides).catch(async (err: unknown) => {
        await next.close();
        throw err;
      });
      await thread.close();
      thread = next;
      await thread.call({ kind: "model", model, now });
      return model;
    },
  };
}

function startThread(resourceLimits?: ResourceLimits) {
  const worker = new Worker(boot, { workerData: { entry }, ...(resourceLimits ? { resourceLimits } : {}) });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;
  let closing = false;
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
  worker.on("exit", (code) => {
    if (!closing) failAll(new Error(`recompute worker exited (code ${code})`));
  });
  const call = <T>(request: EngineRequest) =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, request });
    });
  const close = async () => {
    closing = true;
    await worker.terminate();
  };
  return { call, close };
}
