// The demo's store simulator on its own thread. Shopify is another machine; in demo mode it shares our process,
// and seeding 26,692 orders or building a bulk export is seconds of CPU that would otherwise hold every request
// (status checks stalled up to 8 s). The app still talks to it over HTTP only, through the production adapter.
import type { SimulatorOptions } from "../simulator/index.js";
import { startWorkerRpc } from "./worker-rpc.js";

export type SimulatorThreadRequest = { id: number } & (
  | { op: "subscribe"; topics: string[]; address: string }
  | { op: "play"; count: number }
  | { op: "visit"; appBaseUrl: string; customerIds: string[] }
  | { op: "close" }
);

export type SimulatorThreadReady = { url: string; orders: number; customerIds: string[] };

export interface SimulatorThread {
  url: string;
  /** What the simulator was seeded with: the totals a finished backfill must reach. */
  orders: number;
  customerIds: string[];
  subscribe(topics: string[], address: string): Promise<void>;
  playOrders(count: number): Promise<void>;
  /**
   * Shoppers browse the storefront: one signed visit beacon per customer through the app proxy at `appBaseUrl`,
   * sent from this thread as Shopify's proxy would send them (the app's thread only answers). Resolves with how
   * many were accepted.
   */
  sendVisits(appBaseUrl: string, customerIds: string[]): Promise<number>;
  close(): Promise<void>;
}

const YOUNG_GENERATION_MB = 192;

/** Starts the simulator (one seeded shop) in a worker thread; resolves once it is seeded and listening. */
export async function startSimulatorThread(options: SimulatorOptions): Promise<SimulatorThread> {
  const { ready, rpc } = await startWorkerRpc<SimulatorThreadRequest, SimulatorThreadReady>({
    entry: new URL("./simulator-thread-entry.ts", import.meta.url),
    workerData: { options },
    name: "the demo store simulator",
    // A bulk export makes millions of short-lived objects beside a store of half a million line records; a larger
    // young generation lets them die there instead of being promoted and marked with the store (export CPU -12 %).
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return {
    ...ready,
    subscribe: (topics, address) => rpc.call({ op: "subscribe", topics, address }),
    playOrders: (count) => rpc.call({ op: "play", count }),
    sendVisits: (appBaseUrl, customerIds) => rpc.call<number>({ op: "visit", appBaseUrl, customerIds }),
    close: () => rpc.close(),
  };
}
