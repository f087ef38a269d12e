// Starts recompute-worker in a worker thread. Under tsx (npm start, vitest, the bench) the entry is TypeScript and
// a worker does not inherit tsx's loader, so it is registered here first.
import { workerData } from "node:worker_threads";

if (workerData.entry.endsWith(".ts")) (await import("tsx/esm/api")).register();
await import(workerData.entry);
