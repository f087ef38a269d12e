// p99 of the admin's two polled reads, GET /api/dashboard and GET /api/sync/status, one of each every 50 ms side by
// side, while a full recompute (and the publish it triggers) runs in the same process on a demo-sized store, against
// the same requests with nothing running (baseline, same run); also each request's own CPU, alone, and how long the
// event loop was held meanwhile. Before issue 11 the fit and predictions ran on the event loop: the admin API
// stopped answering for more than 5 s. Size: ADMIN_BENCH_CUSTOMERS (default 20,000 customers, ~10 orders each).
// Measured 2026-12-03, 200,008 orders, on 2 cores shared with other sessions:
// - before (dashboard only, load 10-18): recompute + publish 831 s; p99 idle 25,164 ms, during 15,772 ms; one
//   dashboard alone 1.7-2.0 s of CPU (orders grouped per request), one sync status 0.64-0.67 s (every order row read).
// - after the stored dashboard figures and index-only status counts (load 12-21): recompute + publish 67 s; CPU per
//   request alone: dashboard 22 ms, sync status 20 ms (HTTP and client included); p99 idle 220 ms (p50 49), during
//   1,364 ms (p50 145); meanwhile the event loop ran late by p99 156 ms, max 665 ms: the tail is the recompute's
//   own work in this process, its turns on the one SQLite connection and the loaded box, not the requests' own
//   cost (< 200 ms not met under that load).
// - with the admin's reads on their own SQLite connection (create-read-db.ts), quiet box (load 1.5-2.5), 3 runs:
//   recompute + publish 19-26 s; admin p99 during 266 / 209 / 201 ms (p50 53-80), idle p99 50-63 ms; event loop
//   late p99 71-76 ms. The goal, < 200 ms, is at the edge: what is left is the recompute's own page reads and writes
//   and the publisher on the main thread, and two worker threads on the same two cores.
// - stop 18, a box loaded by other sessions (load 9-33), runs interleaved: a CPU profile of the main thread during
//   the recompute (load 16-19): busy 12.6 s of 31 s; native work (node-sqlite3 turning rows into objects, structured
//   clone) 4.2 s, node-sqlite3 statement calls (binding) 2.1 s, GC 1.6 s, postMessage 0.8 s, Kysely compiling
//   selects 0.3 s, the publisher's own JS 0.3 s; reading, building and posting a 1,000-customer page was one stretch
//   of 50-300 ms. admin p99 during / event-loop delay p99:
//   before (0bf7b1b): 1,210 / 212, 1,359 / 206, 2,332 / 293, 715 / 154 ms (loads 17-18, 11-14, 19-22, 18-24);
//   250-customer pages posted in their own turn, publish ranges read as ids (75d2e8e): 831 / 68 (a first variant,
//   the turn taken inside the page read), 771 / 87, 986 / 117, 1,073 / 126, 833 / 91 ms (loads 12, 9-12, 20-22,
//   20-33, 18-22);
//   and two read connections (66640d7): 816 / 135, 622 / 92, 860 / 172 ms (loads 17-25, 19-33, 15-24), 660-870
//   requests answered during the recompute against 440-490.
//   The event loop is held less; the p99 under these loads is the box's (idle p99 alone 135-1,008 ms).
//   Later pairs, before (0bf7b1b) against both changes (66640d7), run back to back: 525 vs 63 ms (the box going
//   quiet: load 18 -> 8, event loop p99 98 vs 24 ms), 756 vs 366 (load 2-17), 707 vs 195 (load 14-28; event loop
//   134 vs 49 ms). < 200 ms is met in 2 of the 6 runs with both changes, at the loads above, not reliably shown.
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createReadDb } from "../../server/src/db/create-read-db.js";
import { demoShopAuth } from "../../server/src/http/auth/session-token.js";
import { createApp } from "../../server/src/http/app.js";
import { adminRoutes } from "../../server/src/http/routes/admin/index.js";
import { syncRoutes } from "../../server/src/http/routes/sync.routes.js";
import { createSyncStatusService } from "../../server/src/services/sync-status.service.js";
import { listen } from "../http/admin/fixtures.js";
import { benchStore, NOW, realPath, SHOP } from "./recompute-bench-store.js";

const customers = Number(process.env.ADMIN_BENCH_CUSTOMERS ?? 20_000);
const INTERVAL_MS = 50;
const DASHBOARD = "/api/dashboard";
const STATUS = "/api/sync/status";
const BASELINE_REQUESTS = 100;
/** Every request's route, start and latency: the slowest ones during the recompute are printed with their time. */
const slowest: { route: string; at: number; ms: number }[] = [];

const store = await benchStore(customers, 10);
const path = await realPath(store.filename);
const db = path.handle.db;
// The admin's reads on their own connection, as main.ts wires them.
const { readDb, close: closeReadDb } = createReadDb({ kind: "sqlite", filename: store.filename }, db);
await path.recompute.recomputeShop(SHOP); // the dashboard has predictions to show, as in the demo
const server = await listen(
  createApp({
    db,
    dbKind: "sqlite",
    mounts: [
      // As main.ts mounts them: the sync routes, then the admin routes.
      {
        path: "/api/sync",
        handler: syncRoutes({ status: createSyncStatusService({ db: readDb }), defaultShop: SHOP }),
      },
      { path: "/api", handler: adminRoutes({ db, readDb, auth: demoShopAuth(SHOP), now: () => NOW }) },
    ],
  }),
);

/**
 * One request at a time to `path`, the next INTERVAL_MS after the previous answered (a closed loop: on a loaded
 * machine an open loop piles requests behind one another and measures the pile-up, not the event loop), until
 * `done()` or `count` requests; returns each one's latency.
 */
async function fire(route: string, done: () => boolean, count = Infinity): Promise<number[]> {
  const latencies: number[] = [];
  while (!done() && latencies.length < count) {
    const sent = performance.now();
    const r = await fetch(`${server.url}${route}`);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${route} answered ${r.status}`);
    latencies.push(performance.now() - sent);
    slowest.push({ route, at: sent, ms: performance.now() - sent });
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
  }
  return latencies;
}

/** Both admin reads side by side, as the admin's pages poll them. */
async function fireBoth(done: () => boolean, count = Infinity) {
  const [dashboard, status] = await Promise.all([fire(DASHBOARD, done, count), fire(STATUS, done, count)]);
  return { dashboard, status, all: [...dashboard, ...status] };
}

/** This process's CPU per request, one request at a time with nothing else running (the request's own cost). */
async function cpuPerRequest(route: string, requests: number): Promise<number> {
  const before = process.cpuUsage();
  await fire(route, () => false, requests);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / requests;
}

const pct = (ms: number[], q: number) =>
  [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.floor(ms.length * q))];
const p99 = (ms: number[]) => pct(ms, 0.99);
const line = (name: string, ms: number[]) =>
  `${name} ${p99(ms).toFixed(0)} (${ms.length} requests, p50 ${pct(ms, 0.5).toFixed(0)}, max ${Math.max(...ms).toFixed(0)})`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

await fireBoth(() => false, 5); // warm-up: the first dashboard builds the shop's stored figures
const cpu = { dashboard: await cpuPerRequest(DASHBOARD, 20), status: await cpuPerRequest(STATUS, 20) };
const baseline = await fireBoth(() => false, BASELINE_REQUESTS);
const loadBefore = load();
let finished = false;
const started = performance.now();
if (process.env.ADMIN_BENCH_UPTIME) console.log(`during from process uptime ${process.uptime().toFixed(2)} s`);
// How long this process's event loop was held: the part of a request's wait that is not the database or the CPU.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const firstDuring = slowest.length;
const during = fireBoth(() => finished);
await path.recompute.recomputeShop(SHOP);
finished = true;
loopDelay.disable();
const latencies = await during;
const seconds = (performance.now() - started) / 1000;
await server.close();
await closeReadDb();
await db.destroy();
rmSync(store.dir, { recursive: true, force: true }); // its generated store, as recompute-scale does

console.log(
  `${customers} customers, ${store.orders} orders; recompute + publish ${seconds.toFixed(0)} s; load average ${loadBefore} before, ${load()} after`,
);
console.log(`cpu per request alone: dashboard ${cpu.dashboard.toFixed(1)} ms, sync status ${cpu.status.toFixed(1)} ms`);
console.log(
  `event loop delay during the recompute: p50 ${(loopDelay.percentile(50) / 1e6).toFixed(0)}, p90 ${(loopDelay.percentile(90) / 1e6).toFixed(0)}, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms`,
);
const slow = slowest
  .slice(firstDuring)
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 8)
  .map((r) => `${r.route} at ${((r.at - started) / 1000).toFixed(1)} s: ${r.ms.toFixed(0)} ms`);
console.log(`slowest during: ${slow.join("; ")}`);
console.log(line("admin_p99_idle_ms", baseline.all));
console.log(line("dashboard_p99_idle_ms", baseline.dashboard));
console.log(line("sync_status_p99_idle_ms", baseline.status));
console.log(line("dashboard_p99_during_recompute_ms", latencies.dashboard));
console.log(line("sync_status_p99_during_recompute_ms", latencies.status));
console.log(line("admin_p99_during_recompute_ms", latencies.all));
console.log(`ratio admin_p99_during_recompute_vs_idle ${(p99(latencies.all) / p99(baseline.all)).toFixed(2)}`);
