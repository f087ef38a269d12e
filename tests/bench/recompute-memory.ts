// Diagnostic: the recompute bench's real path with the process's memory sampled every 2 s (where RSS grows).
import { benchStore, realPath, SHOP } from "./recompute-bench-store.js";
const customers = Number(process.env.RECOMPUTE_BENCH_CUSTOMERS ?? 50_000);
const store = await benchStore(customers, 10);
const path = await realPath(store.filename);
const started = performance.now();
const mb = (n: number) => (n / 1048576).toFixed(0);
const timer = setInterval(() => {
  const m = process.memoryUsage();
  console.log(
    `${((performance.now() - started) / 1000).toFixed(0)} s rss ${mb(m.rss)} heapUsed ${mb(m.heapUsed)} heapTotal ${mb(m.heapTotal)} external ${mb(m.external)} buffers ${mb(m.arrayBuffers)}`,
  );
}, 2000);
await path.recompute.recomputeShop(SHOP);
clearInterval(timer);
console.log(
  `done in ${((performance.now() - started) / 1000).toFixed(0)} s, maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
await path.handle.db.destroy();
const { rmSync } = await import("node:fs");
rmSync(store.dir, { recursive: true, force: true });
