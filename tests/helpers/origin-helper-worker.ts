// A worker thread that only helps with calibration origins (recompute-origin-sharing.test.ts): it tells its parent
// when it has fitted every origin it claimed and handed their rows back.
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { helpOnOrigins } from "../../server/src/services/recompute-origin-sharing.js";

const port = workerData.port as MessagePort;
helpOnOrigins(port);
// Registered after helpOnOrigins's listener, so it runs once the helper has posted its rows.
port.once("message", () => parentPort?.postMessage("helped"));
