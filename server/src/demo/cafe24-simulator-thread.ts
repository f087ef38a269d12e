// The Cafe24 demo's simulator on its own thread, as the Shopify demo's (simulator-thread.ts): seeding 26,692
// orders in the app's thread held every admin request for 17-19 s at start-up on this machine.
import type { Cafe24SimulatorOptions } from "../simulator-cafe24/index.js";
import { startWorkerRpc } from "./worker-rpc.js";

export type Cafe24SimulatorThreadRequest = { id: number } & (
  | { op: "subscribe"; address: string }
  | { op: "play" }
  | { op: "close" }
);

export type Cafe24SimulatorThreadReady = {
  url: string;
  orders: number;
  memberIds: string[];
  firstOrderAt: number | null;
};

export interface Cafe24SimulatorThread extends Cafe24SimulatorThreadReady {
  /** orders and memberIds: what the mall was seeded with, the totals a finished backfill must reach. */
  subscribe(address: string): Promise<void>;
  playOrder(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the Cafe24 simulator (one seeded mall) in a worker thread; resolves once it is seeded and listening. */
export async function startCafe24SimulatorThread(options: Cafe24SimulatorOptions): Promise<Cafe24SimulatorThread> {
  const { ready, rpc } = await startWorkerRpc<Cafe24SimulatorThreadRequest, Cafe24SimulatorThreadReady>({
    entry: new URL("./cafe24-simulator-thread-entry.ts", import.meta.url),
    workerData: { options },
    name: "the Cafe24 demo simulator",
  });
  return {
    ...ready,
    subscribe: (address) => rpc.call({ op: "subscribe", address }),
    playOrder: () => rpc.call({ op: "play" }),
    close: () => rpc.close(),
  };
}
