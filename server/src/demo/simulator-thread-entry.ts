// Runs inside the demo's worker thread: the store simulator ("Shopify") seeds, answers GraphQL and builds bulk
// exports here, so none of that CPU work ever stalls the app's own requests on the main thread.
import { parentPort, workerData } from "node:worker_threads";
import { startSimulator, type SimulatorOptions } from "../simulator/index.js";
import type { SimulatorThreadRequest, SimulatorThreadReply } from "./simulator-thread.js";

const { options } = workerData as { options: SimulatorOptions };
const port = parentPort!;
const reply = (message: SimulatorThreadReply) => port.postMessage(message);

try {
  const simulator = await startSimulator(options);
  const shop = options.shops![0].domain;
  const store = simulator.store(shop);
  reply({
    kind: "ready",
    url: simulator.url,
    orders: store.orders.size,
    customerIds: [...store.customers.keys()].map(String),
  });
  port.on("message", async (request: SimulatorThreadRequest) => {
    try {
      if (request.op === "subscribe") simulator.webhooks.subscribe(request.topics, request.address, shop);
      if (request.op === "play") simulator.playOrders(shop, request.count);
      if (request.op === "close") await simulator.close();
      reply({ kind: "done", id: request.id });
      if (request.op === "close") port.close();
    } catch (err) {
      reply({ kind: "done", id: request.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
} catch (err) {
  reply({ kind: "failed", error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
}
