// Runs inside the Cafe24 demo's worker thread: the Cafe24 simulator seeds (about 5 s of CPU for the whole file)
// and answers the Admin API here, so the app's own requests never wait behind it. The app reaches it over HTTP
// only, through the production Cafe24 module.
import { workerData } from "node:worker_threads";
import { type Cafe24SimulatorOptions, startCafe24Simulator } from "../simulator-cafe24/index.js";
import type { Cafe24SimulatorThreadReady, Cafe24SimulatorThreadRequest } from "./cafe24-simulator-thread.js";
import { serveWorkerRpc } from "./worker-rpc-serve.js";

const { options } = workerData as { options: Cafe24SimulatorOptions };

await serveWorkerRpc<Cafe24SimulatorThreadRequest, Cafe24SimulatorThreadReady>(async () => {
  const simulator = await startCafe24Simulator(options);
  const mallId = options.malls![0].mallId;
  const mall = simulator.mall(mallId);
  /** A member reorders part of a recent order; the simulator sends "order placed" (90023) with the key. */
  const reorder = () => {
    const pick = mall.orders[mall.orders.length - 1 - Math.floor(Math.random() * Math.min(mall.orders.length, 2000))];
    if (!pick?.memberId) return;
    const items = pick.items.slice(0, 3).map(({ itemNo: _n, ...item }) => item);
    simulator.placeOrder(mallId, { memberId: pick.memberId, items });
  };
  return {
    ready: {
      url: simulator.url,
      orders: mall.orders.length,
      memberIds: [...mall.customers.keys()],
      firstOrderAt: mall.orders[0]?.orderDate ?? null,
    },
    handle(request) {
      if (request.op === "subscribe") simulator.webhooks.subscribe(request.address, mallId);
      if (request.op === "play") reorder();
    },
    close: () => simulator.close(),
  };
});
