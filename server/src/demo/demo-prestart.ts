// `npm start` in demo mode: the store simulator begins seeding on its own thread before this thread loads the
// app's modules (seconds each on the demo's machine), so the two overlap instead of following each other. Only
// light modules here: everything this file imports is loaded before the simulator starts.
import { randomBytes } from "node:crypto";
import { type SimulatorThread, startSimulatorThread } from "./simulator-thread.js";

export const DEMO_SHOP = "demo-dangol.myshopify.com";

export type DemoCredentials = ReturnType<typeof demoCredentials>;

/** Credentials shared by the app and its simulator for one run (nothing outside this process sees them). */
export function demoCredentials() {
  return {
    apiKey: "dangol-demo",
    apiSecret: randomBytes(24).toString("hex"),
    appUrl: "http://localhost",
    scopes: [
      "read_orders",
      "read_all_orders",
      "read_customers",
      "write_discounts",
      "write_customers",
      "write_pixels",
      "read_customer_events",
    ],
  };
}

/** The demo simulator seeding (or seeded) for these credentials, and when it was asked for. */
export interface DemoPrestart {
  credentials: DemoCredentials;
  simulator: Promise<SimulatorThread>;
  startedAt: number;
}

/** Starts the demo store's simulator thread; startDemoStore takes it over (and reports a failure). */
export function prestartDemoStore(credentials: DemoCredentials = demoCredentials()): DemoPrestart {
  const startedAt = Date.now();
  const simulator = startDemoSimulator(credentials);
  simulator.catch(() => undefined); // awaited by startDemoStore, which reports it
  return { credentials, simulator, startedAt };
}

export function startDemoSimulator(credentials: { apiKey: string; apiSecret: string }): Promise<SimulatorThread> {
  // The latest seeded order lands yesterday so predictions look current.
  return startSimulatorThread({
    app: { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret },
    shops: [{ domain: DEMO_SHOP, seed: { timeShiftTo: new Date(Date.now() - 86_400_000) } }],
  });
}
