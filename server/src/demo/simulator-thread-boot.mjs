// Worker bootstrap: Node 20 does not apply `--import tsx` to a worker's entry module, so the worker registers
// tsx itself before loading the TypeScript entry.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
