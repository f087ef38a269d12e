// Issue 11's webhook burst alone, PostgreSQL only (PG_URL, default the dev cluster on 54329): three app instances
// (tests/scale/fixtures/app-instance.ts) on one database, the scale test's 20 small shops installed and live, then
// 5,000 signed order deliveries posted 200 at a time across the three, as the scale test does. Prints the answer
// times, and CPU figures that do not depend on the machine's load: app CPU while the burst was being answered
// (split into acks and the applies done meanwhile, at the CPU per apply measured after the last answer) and
// PostgreSQL's CPU (the backends of this database). DANGOL_SCALE_BENCH=1 runs it; BURST_N sets the size.
// Stop 19, interleaved, before (acdde20) vs apply jobs gathered 100 ms + body shape checked once + one intake batch
// in flight (f54ab08, 15f42d9, c4dfb28), load = 1-min average while answering, CPU per ack app + PostgreSQL:
//   before: p99 7,922 ms (load 32-37) 2.40+2.53 ms; 5,289 (21-26) 1.69+1.57; 4,637 (17-21) 2.32+2.22;
//           1,602 (8-9) 1.89+2.00; 1,225 (5.5) 1.26+1.32
//   after:  6,455 (27-43) 1.87+1.74 (gather and shape only); 4,293 (32-40) 1.20+1.49 (same); 1,868 (14) 1.22+0.99;
//           941 (9) 1.04+0.85; 1,064 (11) 1.25+1.00
// Statements while answering (pg queries logged in each instance): pg-boss job inserts 2,514 -> 905 (about 400 of
// them recompute-customer jobs), apply-job fetches 1,646 -> 611, intake batch statements 2,696 -> 1,682.
// Stop 20: the sender moved out of this process (burst-sender.ts: node:http keep-alive, a process of its own; before,
// fetch here beside the simulator, whose loop was ~0.6-1.4 s late under the burst). Interleaved, before -> after,
// p50 / p99 / max ms (load), CPU per ack app + PostgreSQL: 1,119 / 2,322 / 3,673 (15) 1.17+1.06 -> 342 / 1,335 /
// 2,550 (24) 0.71+0.46; 2,024 / 6,496 / 9,377 (35) 1.48+1.16 -> 508 / 2,667 / 4,164 (34) 0.90+0.67; 1,559 / 4,341 /
// 5,453 (36) 1.33+1.20 -> 478 / 2,441 / 4,853 (35) 0.89+0.56; 2,527 / 6,076 / 7,899 (27) 1.62+1.67 -> 497 / 2,682 /
// 3,065 (34) 0.93+0.70. The sender: 0.48 ms CPU per delivery (fetch: ~0.9 ms). Batches ~2 -> 11-19 deliveries.
// At lower load p99 did not improve: 1,190 / 3,213 / 4,626 (16) 1.49+1.32 -> 280 / 1,729 / 2,495 (14) 0.53+0.41;
// 555 / 977 / 1,482 (9) 1.28+1.08 -> 263 / 1,489 / 1,999 (14) 0.91+0.59; one after-run alone 106 / 604 / 655 (7)
// 0.56+0.32. The sender now puts all 200 requests on the instances at once: in that run the first 1,000 answers
// had p99 510-641 ms, the rest 164-413 ms (start of the burst: cold code, 200 connections opened, first batches).
import { readFileSync } from "node:fs";
import os from "node:os";
import { sql } from "kysely";
import { startSimulator } from "../../server/src/simulator/index.js";
import { orderDeliveries, postAll, quantile } from "../helpers/order-webhooks.js";
import { cpuSeconds, startAppProcess, stopApp, waitFor } from "../helpers/app-processes.js";
import { APP_INSTANCE, createScaleDatabase, everyShopPredicted, instanceEnv } from "../helpers/scale-cluster.js";

if (!process.env.DANGOL_SCALE_BENCH) {
  console.log("webhook burst across 3 instances skipped: set DANGOL_SCALE_BENCH=1 (and PG_URL) to run it");
  process.exit(0);
}
const PG = process.env.PG_URL ?? "postgres://postgres@127.0.0.1:54329/postgres";
const APP = { apiKey: "burst-bench-key", apiSecret: "burst-bench-secret-0123" };
const SHOPS = Array.from({ length: 20 }, (_, i) => `burst-${i}.myshopify.com`);
const SEED = { since: new Date("2009-12-01T00:00:00Z"), until: new Date("2009-12-10T00:00:00Z"), maxCustomers: 12 };
const N = Number(process.env.BURST_N ?? 5000);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join("/");

const sim = await startSimulator({
  app: APP,
  bulkDelayMs: 10,
  throttle: { maximumAvailable: 20_000, restoreRate: 10_000 },
  shops: SHOPS.map((domain) => ({ domain, seed: SEED })),
});
const scaleDb = await createScaleDatabase(PG, "dangol_burst");
const { count } = scaleDb;
const db = scaleDb.handle.db;
const dbName = scaleDb.name;
const env = instanceEnv(APP, scaleDb.url, SHOPS, sim.url);

const apps = [await startAppProcess(APP_INSTANCE, env)];
apps.push(await startAppProcess(APP_INSTANCE, env), await startAppProcess(APP_INSTANCE, env));
await Promise.all(
  SHOPS.map((shop, i) =>
    fetch(`${apps[i % 3].url}/api/sync/status`, { headers: { authorization: `Bearer ${sim.mintSessionToken(shop)}` } }),
  ),
);
await everyShopPredicted(scaleDb, SHOPS.length);
await new Promise((r) => setTimeout(r, 3000)); // the install's publishes settle

/** CPU seconds of PostgreSQL's backends serving this database (those alive now). */
async function pgCpu(): Promise<number> {
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = ${dbName}`.execute(db);
  let total = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {}
  }
  return total;
}
const appCpu = () => apps.reduce((sum, a) => sum + (cpuSeconds(a) ?? Number.NaN), 0);
const processed = () => count("select count(*) as n from webhook_events where status = 'processed'");

const burst = SHOPS.flatMap((shop, i) =>
  orderDeliveries(sim, APP.apiSecret, shop, N / SHOPS.length, 80_000_000 + i * 10_000),
);
// What the instances and PostgreSQL spend idle (queue polls, heartbeats), per second: subtracted from the burst's
// windows, whose length depends on the machine's load.
const idleCpu = [appCpu(), await pgCpu(), performance.now()];
await new Promise((r) => setTimeout(r, 10_000));
const idleAppPerS = ((appCpu() - idleCpu[0]) * 1000) / (performance.now() - idleCpu[2]);
// Backends that closed meanwhile take their CPU with them: an idle figure below 0 counts as 0.
const idlePgPerS = Math.max(0, (((await pgCpu()) - idleCpu[1]) * 1000) / (performance.now() - idleCpu[2]));
const before = await processed();
const [cpu0, pg0, load0] = [appCpu(), await pgCpu(), load()];
const t0 = performance.now();
const { bad, answerMs, senderCpuMs } = await postAll(
  apps.map((a) => a.url),
  burst,
  Number(process.env.BURST_PARALLEL ?? 200),
);
const answeredMs = performance.now() - t0;
const [cpu1, pg1, load1] = [appCpu(), await pgCpu(), load()];
const appliedAtAnswer = (await processed()) - before;
// BURST_APPLY=0: stop once answered (e.g. to profile the acks with APP_NODE_ARGS="--cpu-prof ...").
if (process.env.BURST_APPLY !== "0")
  await waitFor("the burst applied", async () => ((await processed()) - before >= N ? true : undefined), 900_000, 250);
const appliedMs = performance.now() - t0;
const [cpu2, pg2, load2] = [appCpu(), await pgCpu(), load()];

const busyApp = [
  (cpu1 - cpu0) * 1000 - idleAppPerS * answeredMs,
  (cpu2 - cpu1) * 1000 - idleAppPerS * (appliedMs - answeredMs),
];
const busyPg = [
  (pg1 - pg0) * 1000 - idlePgPerS * answeredMs,
  (pg2 - pg1) * 1000 - idlePgPerS * (appliedMs - answeredMs),
];
const applyMs = busyApp[1] / Math.max(1, N - appliedAtAnswer);
const ackMs = (busyApp[0] - appliedAtAnswer * applyMs) / N;
const pgApplyMs = busyPg[1] / Math.max(1, N - appliedAtAnswer);
const pgAckMs = (busyPg[0] - appliedAtAnswer * pgApplyMs) / N;
const ms = (v: number) => `${v.toFixed(0)} ms`;
console.log(
  `burst of ${N} (200 at a time) across 3 instances: p50 ${ms(quantile(answerMs, 0.5))}, p99 ${ms(quantile(answerMs, 0.99))}, max ${ms(Math.max(...answerMs))}, non-200 ${bad.length}`,
);
console.log(
  `answered after ${ms(answeredMs)} (load ${load0} -> ${load1}), ${appliedAtAnswer} applied by then; all applied after ${ms(appliedMs)} (load ${load2}): ${((N * 1000) / appliedMs).toFixed(1)}/s`,
);
console.log(
  `idle: app ${idleAppPerS.toFixed(3)} ms/ms, PostgreSQL ${idlePgPerS.toFixed(3)} ms/ms; beyond idle: app CPU while answering ${ms(busyApp[0])}, after ${ms(busyApp[1])}; PostgreSQL ${ms(busyPg[0])}, after ${ms(busyPg[1])}`,
);
console.log(
  `CPU per ack ~${ackMs.toFixed(2)} ms app + ${pgAckMs.toFixed(2)} ms PostgreSQL; per apply ${applyMs.toFixed(2)} ms app + ${pgApplyMs.toFixed(2)} ms PostgreSQL`,
);
console.log(`the sender (its own process): ${(senderCpuMs / N).toFixed(2)} ms CPU per delivery, start-up included`);
console.log(`ratio webhook_burst_p99_200_parallel_ms ${quantile(answerMs, 0.99).toFixed(0)}`);

await Promise.all(apps.map((a) => stopApp(a)));
await scaleDb.drop();
await sim.close();
process.exit(bad.length ? 1 : 0);
