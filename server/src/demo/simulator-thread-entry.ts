// Runs inside the demo's worker thread: the store simulator ("Shopify") seeds, answers GraphQL and builds bulk
// exports here, so none of that CPU work ever stalls the app's own requests on the main thread.
import { workerData } from "node:worker_threads";
import { type SimulatorOptions, startSimulator } from "../simulator/index.js";
import type { SimulatorThreadReady, SimulatorThreadRequest } from "./simulator-thread.js";
import { sendDemoVisits } from "./demo-visits.js";
import { serveWorkerRpc } from "./worker-rpc-serve.js";

const { options } = workerData as { options: SimulatorOptions };

await serveWorkerRpc<SimulatorThreadRequest, SimulatorThreadReady>(async () => {
  const simulator = await startSimulator(options);
  const shop = options.shops![0].domain;
  const store = simulator.store(shop);
  return {
    ready: { url: simulator.url, orders: store.orders.size, customerIds: [...store.customers.keys()].map(String) },
    handle(request) {
      if (request.op === "subscribe") simulator.webhooks.subscribe(request.topics, request.address, shop);
      if (request.op === "play") simulator.playOrders(shop, request.count);
      if (request.op === "visit")
        return sendDemoVisits(
          { appBaseUrl: request.appBaseUrl, shop, apiSecret: options.app.apiSecret },
          request.customerIds,
        );
    },
    close: () => simulator.close(),
  };
});
