// The worker side of worker-rpc.ts: runs inside the thread, answers each request with "done" (or its error) and
// reports a start-up failure as "failed", so the main thread never waits on a worker that cannot answer.
import { parentPort } from "node:worker_threads";
import type { WorkerRpcReply } from "./worker-rpc.js";

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface WorkerRpcService<Request, Ready> {
  ready: Ready;
  /** Handles every request but "close"; what it returns (structured-cloneable) is the call's answer. */
  handle(request: Request): unknown;
  close(): Promise<void>;
}

/** Starts the service, sends "ready", then serves requests until "close". */
export async function serveWorkerRpc<Request extends { id: number; op: string }, Ready>(
  start: () => Promise<WorkerRpcService<Request, Ready>>,
): Promise<void> {
  const port = parentPort!;
  const reply = (message: WorkerRpcReply<Ready>) => port.postMessage(message);
  try {
    const service = await start();
    reply({ kind: "ready", ...service.ready });
    port.on("message", async (request: Request) => {
      try {
        const value = request.op === "close" ? await service.close() : await service.handle(request);
        reply({ kind: "done", id: request.id, value });
        if (request.op === "close") port.close();
      } catch (err) {
        reply({ kind: "done", id: request.id, error: errorText(err) });
      }
    });
  } catch (err) {
    reply({ kind: "failed", error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}
