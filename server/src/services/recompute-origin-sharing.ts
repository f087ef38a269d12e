// The store fit's calibration origins shared between the fit thread and the (otherwise idle) prediction thread, so
// the fit uses both cores: the origins are a few seconds of the fit, each independent of the others and of the
// store's own fit. The fit thread claims origins from the newest (the most history before them: the longest fits),
// the helper from the oldest, until they meet; the fit thread merges every origin's rows in step order, so the model
// is the same whoever fitted which origin. The helper starts late and cold (its code not yet optimised): taking the
// short origins, it cannot leave the fit thread waiting long for a long one.
import { type MessagePort, receiveMessageOnPort } from "node:worker_threads";
import type { OriginSharing } from "../domain/timing/fit-store-model.js";
import { fitTimingBase } from "../domain/timing/fit-store-model.js";
import { calibrationOrigin, type OriginRows } from "../domain/timing/learn-calibration.js";
import type { PurchaseDay } from "../domain/timing/purchase-days.js";

/** [claims, helper done]: claims packs the next front index (low 16 bits) and the end of the unclaimed range. */
const CLAIMS = 0;
const HELPER_DONE = 1;
/**
 * How long the fit thread waits for the origins the helper claimed before fitting them itself (a helper that died
 * must not hang the fit; fitting an origin again gives the same rows). An origin is seconds at most.
 */
const HELPER_WAIT_MS = 120_000;

/** The helper's origins: [index in steps, rows]. */
type HelperRows = [number, OriginRows | null][];

interface Offer {
  sample: PurchaseDay[][];
  nowDay: number;
  steps: number[];
  shared: SharedArrayBuffer;
}

/** The fit thread's side, over its end of a MessageChannel whose other end went to helpOnOrigins. */
export function originSharingOver(port: MessagePort): OriginSharing {
  let steps: number[] = [];
  let counters = new Int32Array(new SharedArrayBuffer(8));
  return {
    offer(sample, nowDay, offered) {
      steps = offered;
      const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
      counters = new Int32Array(shared);
      counters[CLAIMS] = steps.length << 16;
      port.postMessage({ sample, nowDay, steps, shared } satisfies Offer);
    },
    collect(run) {
      const rows = new Array<OriginRows | null | undefined>(steps.length);
      for (let i = claim(counters, "front"); i >= 0; i = claim(counters, "front")) rows[i] = run(steps[i]);
      if (rows.includes(undefined)) {
        Atomics.wait(counters, HELPER_DONE, 0, HELPER_WAIT_MS);
        const reply = receiveMessageOnPort(port)?.message as HelperRows | undefined;
        for (const [i, r] of reply ?? []) rows[i] = r;
      }
      port.close();
      return steps.map((k, i) => (rows[i] === undefined ? run(k) : (rows[i] as OriginRows | null)));
    },
  };
}

/** The helper thread's side: fits origins while any are left, then hands their rows back. */
export function helpOnOrigins(port: MessagePort): void {
  port.once("message", ({ sample, nowDay, steps, shared }: Offer) => {
    const counters = new Int32Array(shared);
    const rows: HelperRows = [];
    for (let i = claim(counters, "back"); i >= 0; i = claim(counters, "back"))
      rows.push([i, calibrationOrigin(sample, nowDay, steps[i], fitTimingBase)]);
    port.postMessage(rows);
    Atomics.store(counters, HELPER_DONE, 1);
    Atomics.notify(counters, HELPER_DONE);
    port.close();
  });
}

/** The next unclaimed index from the front or the back (-1 once none is left), claimed atomically. */
function claim(counters: Int32Array, end: "front" | "back"): number {
  for (;;) {
    const packed = Atomics.load(counters, CLAIMS);
    const front = packed & 0xffff;
    const back = packed >>> 16;
    if (front >= back) return -1;
    const next = end === "front" ? (back << 16) | (front + 1) : ((back - 1) << 16) | front;
    if (Atomics.compareExchange(counters, CLAIMS, packed, next) === packed) return end === "front" ? front : back - 1;
  }
}
