// p99 of GET /api/dashboard, one every 50 ms, while a full recompute (and the publish it triggers) runs in the same
// process on a demo-sized store, against the same request with nothing running (baseline, same run). Before issue 11
// the fit and predictions ran on the event loop: the admin API stopped answering for more than 5 s.
// Size: ADMIN_BENCH_CUSTOMERS (default 20,000 customers, ~10 orders each).
// Measured 2026-12-03 at load 10-18 (a 1M recompute bench and other sessions' tests on the same 2 cores): 200,008
// orders, recompute + publish 831 s; p99 idle 25,164 ms (p50 6,007), during the recompute 15,772 ms (p50 6,607):
// the dashboard's own cost, not a blocked event loop (during/idle 0.63). Alone on that store at load 5-8 one
// dashboard request took 1.5-1.9 s wall, 1.5-1.8 s of this process's CPU: < 200 ms needs a cheaper dashboard.
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import { demoShopAuth } from "../../server/src/http/auth/session-token.js";
import { createApp } from "../../server/src/http/app.js";
import { adminRoutes } from "../../server/src/http/routes/admin/index.js";
import { listen } from "../http/admin/fixtures.js";
import { benchStore, NOW, realPath, SHOP } from "./recompute-bench-store.js";

const customers = Number(process.env.ADMIN_BENCH_CUSTOMERS ?? 20_000);
const INTERVAL_MS = 50;
const BASELINE_REQUESTS = 100;

const store = await benchStore(customers, 10);
const path = await realPath(store.filename);
const db = path.handle.db;
await path.recompute.recomputeShop(SHOP); // the dashboard has predictions to show, as in the demo
const server = await listen(
  createApp({
    db,
    dbKind: "sqlite",
    mounts: [{ path: "/api", handler: adminRoutes({ db, auth: demoShopAuth(SHOP), now: () => NOW }) }],
  }),
);

/**
 * One request at a time, the next INTERVAL_MS after the previous answered (a closed loop: on a loaded machine an
 * open loop piles requests behind one another and measures the pile-up, not the event loop), until `done()` or
 * `count` requests; returns each one's latency.
 */
async function fire(done: () => boolean, count = Infinity): Promise<number[]> {
  const latencies: number[] = [];
  while (!done() && latencies.length < count) {
    const sent = performance.now();
    const r = await fetch(`${server.url}/api/dashboard`);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`dashboard answered ${r.status}`);
    latencies.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
  }
  return latencies;
}

const pct = (ms: number[], q: number) =>
  [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor(ms.length * q))];
const p99 = (ms: number[]) => pct(ms, 0.99);

await fire(() => false, 5); // warm-up: the first dashboard compiles its queries and code paths
const baseline = await fire(() => false, BASELINE_REQUESTS);
let finished = false;
const started = performance.now();
const during = fire(() => finished);
await path.recompute.recomputeShop(SHOP);
finished = true;
const latencies = await during;
const seconds = (performance.now() - started) / 1000;
await server.close();
await db.destroy();
rmSync(store.dir, { recursive: true, force: true }); // its generated store, as recompute-scale does

console.log(
  `${customers} customers, ${store.orders} orders; recompute + publish ${seconds.toFixed(0)} s; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(
  `admin_p99_idle_ms ${p99(baseline).toFixed(0)} (${baseline.length} requests, p50 ${pct(baseline, 0.5).toFixed(0)}, max ${Math.max(...baseline).toFixed(0)})`,
);
console.log(
  `admin_p99_during_recompute_ms ${p99(latencies).toFixed(0)} (${latencies.length} requests, p50 ${pct(latencies, 0.5).toFixed(0)}, max ${Math.max(...latencies).toFixed(0)})`,
);
console.log(`ratio admin_p99_during_recompute_vs_idle ${(p99(latencies) / p99(baseline)).toFixed(2)}`);
