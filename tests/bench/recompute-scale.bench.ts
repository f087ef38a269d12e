// Peak RSS and time of a full recompute on the real path (database → worker fit and predictions → predictions
// stored → publisher writing every customer's metafield) for a big shop. The size is 1,000,000 customers /
// 10,000,000 orders (RECOMPUTE_BENCH_CUSTOMERS=1000000, opt-in: tens of minutes here); `npm run bench` runs a tenth
// and its peak_rss_recompute_1m_mb line says which size it measured. Stores of 100,000 customers or more are generated
// once and kept in the OS temp dir (recompute-bench-store.ts), so a rerun skips the generation.
// Before issue 11 the recompute held ~1.4 KB per order line and 3 KB per order (the demo peaked at 1.5 GB).
// Measured on the shared 2-core box (load 16-20): 20,000 customers / 200,008 orders 59 s (CPU 26 s), peak 444 MB;
// 100,000 / 999,999 232 s (CPU 80 s), peak 465 MB. 2026-12-03, load 8-18: 1,000,000 / 10,000,004 orders (4.36 GB)
// 1,853 s (CPU 658 s), peak RSS 587 MB (131 MB before), 3,000,000 metafields written; generating that store took
// 1,719 s at load 15-31 (sqlite3 CPU ~155 s; the generator's own peak, a separate process, ~1.9 GB). Where the time goes: tests/bench/recompute-phases.ts; RSS over
// time: recompute-memory.ts; same results after a change: recompute-fingerprint.ts.
import { rmSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { benchStore, realPath, SHOP } from "./recompute-bench-store.js";

const customers = Number(process.env.RECOMPUTE_BENCH_CUSTOMERS ?? 100_000);
const meanOrders = Number(process.env.RECOMPUTE_BENCH_ORDERS_PER_CUSTOMER ?? 10);

const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

let started = performance.now();
const store = await benchStore(customers, meanOrders);
console.log(
  `store of ${customers} customers, ${store.orders} orders (${(statSync(store.filename).size / 1e9).toFixed(2)} GB): ${store.source} in ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${loads()}`,
);
const path = await realPath(store.filename);
const before = process.resourceUsage().maxRSS / 1024;
started = performance.now();
const cpuBefore = process.cpuUsage();
const { customers: predicted } = await path.recompute.recomputeShop(SHOP);
const seconds = (performance.now() - started) / 1000;
// CPU time of every thread of the process (main, worker, SQLite's): a figure the machine's load hardly moves.
const cpu = process.cpuUsage(cpuBefore);
const peak = process.resourceUsage().maxRSS / 1024;
await path.handle.db.destroy();
rmSync(store.dir, { recursive: true, force: true });
console.log(
  `recompute + publish: ${predicted} predictions, ${path.metafields()} metafields written in ${seconds.toFixed(0)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s); peak RSS ${peak.toFixed(0)} MB (${before.toFixed(0)} MB before it); load average ${loads()}`,
);
console.log(`peak_rss_recompute_1m_mb ${peak.toFixed(0)} (at ${customers} customers / ${store.orders} orders)`);
console.log(`ratio peak_rss_recompute_vs_1_5gb_goal ${(peak / 1536).toFixed(3)}`);
