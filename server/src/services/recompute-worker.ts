// Worker-thread entry of the recompute engine: answers each request in order, errors as { name, message }.
import { parentPort } from "node:worker_threads";
import { createEngineHandler, type EngineRequest } from "./recompute-engine.js";

const port = parentPort;
if (!port) throw new Error("recompute-worker runs as a worker thread");
const handle = createEngineHandler();
port.on("message", ({ id, request }: { id: number; request: EngineRequest }) => {
  try {
    port.postMessage({ id, value: handle(request) });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    port.postMessage({ id, error: { name: e.name, message: e.message } });
  }
});
