// Issue 11 at scale, PostgreSQL only (PG_URL, default the dev cluster on 54329): app instances as processes
// (tests/scale/fixtures/app-instance.ts) on one database, 10 installed shops on the store simulator.
// 1. Every shop's full recompute queued as recompute-timing jobs, run by 1 instance, then by 3:
//    `ratio recompute_3_workers_vs_1` (time with 1 / time with 3; on 2 cores the ceiling is about 2, less what
//    PostgreSQL, the simulator and this process take). Measured 2026-12-03 at load 15-31 (other sessions' tests on
//    the same 2 cores): 10 shops, 2,910 customers, 1 instance 189 s, 3 instances 153 s: 1.23. What limits it: one
//    instance already runs 2 recompute jobs at once (job concurrency 2), each fit and prediction on its own worker
//    thread, so one process can keep both cores busy; more processes only fill what one leaves idle (PostgreSQL
//    round trips, pg-boss polls), and under foreign load they mostly win a larger share of the contended cores.
// 2. 5,000 signed order deliveries posted at once across the 3 instances (client in its own process): p50/p99
//    answer time, time until all are applied.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPgBossQueue } from "../../server/src/jobs/queue/pg-boss-queue.js";
import { startSimulator } from "../../server/src/simulator/index.js";
import { orderDeliveries } from "../helpers/order-webhooks.js";
import { killHard, startAppProcess, waitFor } from "../helpers/app-processes.js";
import { APP_INSTANCE, createScaleDatabase, everyShopPredicted, instanceEnv } from "../helpers/scale-cluster.js";

if (!process.env.DANGOL_SCALE_BENCH) {
  console.log("ratio recompute_3_workers_vs_1 skipped: set DANGOL_SCALE_BENCH=1 (and PG_URL) to run the scale bench");
  process.exit(0);
}
const PG = process.env.PG_URL ?? "postgres://postgres@127.0.0.1:54329/postgres";
const APP = { apiKey: "scale-bench-key", apiSecret: "scale-bench-secret-0123" };
const SHOPS = Array.from({ length: 10 }, (_, i) => `bench-scale-${i}.myshopify.com`);
const SEED = { until: new Date("2010-04-01T00:00:00Z"), maxCustomers: 300 };
const N = 5000;

const sim = await startSimulator({
  app: APP,
  bulkDelayMs: 10,
  throttle: { maximumAvailable: 100_000, restoreRate: 50_000 },
  shops: SHOPS.map((domain) => ({ domain, seed: SEED })),
});
const scaleDb = await createScaleDatabase(PG, "dangol_bench");
const { count } = scaleDb;
const env = instanceEnv(APP, scaleDb.url, SHOPS, sim.url);

const apps = [await startAppProcess(APP_INSTANCE, env)];
for (const shop of SHOPS)
  await fetch(`${apps[0].url}/api/sync/status`, { headers: { authorization: `Bearer ${sim.mintSessionToken(shop)}` } });
await everyShopPredicted(scaleDb, SHOPS.length);
const customers = await count("select count(*) as n from customer_predictions");

/** Queues every shop's full recompute (a fresh key) and times until all have completed. */
const enqueuer = await createPgBossQueue({ connectionString: scaleDb.url, log: () => undefined });
async function recomputeAll(round: string): Promise<number> {
  const t0 = performance.now();
  for (const shop of SHOPS)
    await enqueuer.enqueue("recompute-timing", { shop }, { singletonKey: `recompute-timing:${shop}:${round}` });
  await waitFor(
    `round ${round}`,
    async () =>
      (await count(
        `select count(*) as n from dangol_jobs.job where name = 'recompute-timing' and state = 'completed' and singleton_key like '%:${round}'`,
      )) === SHOPS.length || undefined,
    600_000,
    100,
  );
  return performance.now() - t0;
}
await recomputeAll("warm");
const one = await recomputeAll("one");
apps.push(await startAppProcess(APP_INSTANCE, env), await startAppProcess(APP_INSTANCE, env));
await new Promise((r) => setTimeout(r, 2000));
const three = await recomputeAll("three");
console.log(
  `recompute of ${SHOPS.length} shops (${customers} customers): 1 instance ${one.toFixed(0)} ms, 3 instances ${three.toFixed(0)} ms`,
);

// The burst, across the three instances.
const deliveries = SHOPS.flatMap((shop, i) =>
  orderDeliveries(sim, APP.apiSecret, shop, N / SHOPS.length, 70_000_000 + i * 10_000),
);
const file = path.join(mkdtempSync(path.join(os.tmpdir(), "dangol-scale-bench-")), "deliveries.json");
writeFileSync(file, JSON.stringify(deliveries.map(({ body, headers }) => ({ body, headers }))));
const before = await count("select count(*) as n from webhook_events where status = 'processed'");
const t0 = performance.now();
const client = spawn(
  process.execPath,
  ["--import", "tsx", path.join(import.meta.dirname, "scale-burst-client.ts"), apps.map((a) => a.url).join(","), file],
  { stdio: ["ignore", "pipe", "inherit"] },
);
let out = "";
client.stdout.on("data", (c: Buffer) => (out += c.toString()));
await new Promise((r) => client.once("exit", r));
const run = JSON.parse(out) as { ms: number[]; bad: number[] };
const answered = performance.now() - t0;
await waitFor(
  "the burst applied",
  async () =>
    (await count("select count(*) as n from webhook_events where status = 'processed'")) - before >= N || undefined,
  900_000,
  250,
);
const applied = performance.now() - t0;
const pct = (p: number) => run.ms[Math.min(run.ms.length - 1, Math.ceil((p / 100) * run.ms.length) - 1)];
console.log(
  `burst of ${N} across 3 instances: p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms, non-200 ${run.bad.length}; all answered after ${answered.toFixed(0)} ms, all applied after ${applied.toFixed(0)} ms`,
);
console.log(`ratio webhook_burst_p99_3_instances_ms ${pct(99).toFixed(0)}`);
console.log(`ratio recompute_3_workers_vs_1 ${(one / three).toFixed(2)}`);

await enqueuer.stop({ graceMs: 0 });
await Promise.all(apps.map(killHard));
await scaleDb.drop();
await sim.close();
process.exit(run.bad.length ? 1 : 0);
