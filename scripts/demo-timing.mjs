// Times the demo from start to "dashboard complete": boots the app as `npm start` does (server/src/start.ts; the
// admin UI build left out) on a fresh temporary data dir and a free port, polls /api/sync/status and
// /api/dashboard, and prints when each phase logged and how much CPU the process had used by then (the machine is
// shared: wall time alone misleads).
// Complete = sync "done" and the dashboard's segment grid counts every customer with an order (kpis.customers).
// Polls as an open admin would: status every 500 ms, the dashboard every second once synced.
// Usage: node scripts/demo-timing.mjs [--runs N]; DEMO_TIMING_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" profiles
// every thread.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const TIMEOUT_MS = 240_000;
const POLL_MS = 500;
const DASHBOARD_EVERY = 2;

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** User + system CPU seconds of a process, all its threads (clock ticks are 100 per second on Linux). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Each thread's CPU seconds (main, workers, libuv's pool where sqlite3 runs queries), the busiest first. */
function threadCpu(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`)
      .map((tid) => {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        return { name: `${name}#${tid}`, s: cpuSeconds(`${pid}/task/${tid}`) };
      })
      .filter((t) => t.s >= 0.5)
      .sort((a, b) => b.s - a.s)
      .map((t) => `${t.name} ${t.s.toFixed(1)}`)
      .join(", ");
  } catch {
    return "?";
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

async function timedGet(url) {
  const started = performance.now();
  const res = await fetch(url);
  const body = await res.json();
  return { ms: performance.now() - started, status: res.status, body };
}

async function runOnce() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "dangol-demo-timing-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const nodeArgs = (process.env.DEMO_TIMING_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server/src/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DANGOL_DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const at = () => ((performance.now() - t0) / 1000).toFixed(1);
  const phases = [];
  const mark = (name) => phases.push({ name, s: at(), cpu: cpuSeconds(child.pid).toFixed(1), load: load() });
  let tail = "";
  const onOutput = (chunk) => {
    tail += chunk;
    const lines = tail.split("\n");
    tail = lines.pop();
    for (const line of lines) mark(line.length > 110 ? `${line.slice(0, 110)}…` : line);
  };
  child.stdout.on("data", onOutput);
  child.stderr.on("data", onOutput);
  const exited = new Promise((resolve) => child.on("exit", resolve));

  const statusMs = [];
  let synced = false;
  let complete = false;
  let polls = 0;
  const deadline = Date.now() + TIMEOUT_MS;
  while (!complete && Date.now() < deadline && child.exitCode === null) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    try {
      const status = await timedGet(`${base}/api/sync/status`);
      if (!statusMs.length) mark("first status answer");
      statusMs.push(status.ms);
      if (status.ms > 500) mark(`(status check took ${status.ms.toFixed(0)} ms)`);
      if (!synced && status.body.state === "done") {
        synced = true;
        mark(`SYNC DONE (${status.body.orders} orders, ${status.body.customers} customers)`);
      }
      if (!synced || ++polls % DASHBOARD_EVERY) continue;
      const dash = await timedGet(`${base}/api/dashboard`);
      const predicted = dash.body.segments?.filter((c) => c.purchase !== "never") ?? [];
      const counted = predicted.reduce((n, c) => n + c.count, 0);
      if (counted > 0 && counted >= dash.body.kpis.customers) {
        complete = true;
        mark(`DASHBOARD COMPLETE (${counted} customers in the segment grid)`);
      }
    } catch {
      // not listening yet
    }
  }
  const threads = threadCpu(child.pid);
  const sorted = [...statusMs].sort((a, b) => a - b);
  const q = (p) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(0) : "-";
  child.kill("SIGTERM");
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`\n  s     cpu_s  load(1/5/15)      event`);
  for (const p of phases) console.log(`${p.s.padStart(6)} ${p.cpu.padStart(6)}  ${p.load.padEnd(16)}  ${p.name}`);
  console.log(`status checks: ${statusMs.length}, p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`);
  console.log(`threads by CPU s: ${threads}`);
  if (!complete) console.log("NOT COMPLETE within the timeout");
  return complete;
}

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 1;
for (let i = 0; i < runs; i++) {
  console.log(`run ${i + 1}/${runs}, load at start ${load()}`);
  if (!(await runOnce())) process.exitCode = 1;
}
