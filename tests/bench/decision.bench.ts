// GET /apps/dangol/decision (signature check + one SQLite lookup + JSON) under autocannon, against a bare
// node:http server answering the same JSON to the same signed URLs, on loopback. The servers run in a child
// process so the load generator does not share their event loop. Prints `ratio decision_vs_bare_http <x>`,
// `p99_decision_ms <x>`, and what one signature check costs (ours vs shopify-api's validateHmac) for reference.
import "@shopify/shopify-api/adapters/node";
import { fork } from "node:child_process";
import path from "node:path";
import { parse } from "node:querystring";
import autocannon from "autocannon";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { PROXY_SECRET, proxyParams, realProxyVerifier, signProxyQuery } from "../http/app-proxy-signing.js";

const SHOP = "bench.myshopify.com";
const CUSTOMERS = 2000;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 4);
// Alternating rounds, each ratio taken within its round, then the median: a busy neighbour on a shared machine
// slows a whole round rather than one side.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 20;

/** Mean µs per call of `check` over the signed queries (after a warm-up). */
async function microsPerCheck(queries: string[], check: (q: string) => unknown, n = 20_000): Promise<number> {
  for (let i = 0; i < 2_000; i++) await check(queries[i % queries.length]);
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await check(queries[i % queries.length]);
  return Number(process.hrtime.bigint() - start) / 1000 / n;
}

const child = fork(path.join(import.meta.dirname, "decision-bench-server.ts"), [], {
  execArgv: ["--import", "tsx"],
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const ports = await new Promise<{ app: number; bare: number; checkOnly: number }>((resolve, reject) => {
  child.once("message", (m) => resolve(m as { app: number; bare: number; checkOnly: number }));
  child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
});

// Signed once: the runs below finish well inside Shopify's 90 s timestamp window. Every server gets these URLs.
const queries = Array.from({ length: 200 }, (_, i) =>
  signProxyQuery(proxyParams(SHOP, String(1000 + ((i * 7) % CUSTOMERS)))).toString(),
);
const paths = queries.map((q) => `/apps/dangol/decision?${q}`);

/** The server process's CPU time so far, in µs. */
function serverCpuMicros(): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (m: unknown) => {
      const cpu = (m as { cpu?: NodeJS.CpuUsage }).cpu;
      if (!cpu) return;
      child.off("message", onMessage);
      resolve(cpu.user + cpu.system);
    };
    child.on("message", onMessage);
    child.send("cpu");
  });
}

type Run = autocannon.Result & { cpuMicrosPerRequest: number };
async function run(port: number): Promise<Run> {
  let n = 0;
  const cpuBefore = await serverCpuMicros();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${paths[0]}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length] }) }],
  });
  return Object.assign(result, {
    cpuMicrosPerRequest: ((await serverCpuMicros()) - cpuBefore) / result.requests.total,
  });
}

try {
  // Short warm-ups (JIT, SQLite page cache), then the measured runs.
  for (const port of [ports.bare, ports.app])
    await autocannon({ url: `http://127.0.0.1:${port}${paths[0]}`, connections: CONNECTIONS, duration: 1 });
  const rounds: Array<{ bare: Run; decision: Run; checkOnly: Run }> = [];
  for (let r = 0; r < ROUNDS; r++) {
    const round = {
      bare: await run(ports.bare),
      decision: await run(ports.app),
      checkOnly: await run(ports.checkOnly),
    };
    const bad = Object.values(round).reduce((sum, x) => sum + x.non2xx + x.errors, 0);
    if (bad > 0) throw new Error(`${bad} requests failed (non-2xx or errors)`);
    rounds.push(round);
    const show = (x: Run) =>
      `${x.requests.average.toFixed(0)} rps p99 ${x.latency.p99} ms cpu ${x.cpuMicrosPerRequest.toFixed(1)} µs/req`;
    console.log(
      `round ${r + 1}: bare_http ${show(round.bare)} | decision ${show(round.decision)} | check_only ${show(round.checkOnly)}`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratioOf = (side: "decision" | "checkOnly") =>
    median(rounds.map((r) => r[side].requests.average / r.bare.requests.average));
  const medianOf = (side: "bare" | "decision" | "checkOnly", f: (x: Run) => number) =>
    median(rounds.map((r) => f(r[side])));

  const api = shopifyApi({
    apiKey: "k",
    apiSecretKey: PROXY_SECRET,
    scopes: [],
    hostName: "localhost",
    apiVersion: ApiVersion.July26,
    isEmbeddedApp: true,
    logger: { level: LogSeverity.Error },
  });
  const ours = realProxyVerifier().verifyAppProxy;
  const oursUs = await microsPerCheck(queries, (q) => ours(q));
  const theirsUs = await microsPerCheck(
    queries,
    (q) => api.utils.validateHmac(parse(q) as never, { signator: "appProxy" }),
    5_000,
  );

  const rps = (x: Run) => x.requests.average;
  const p99 = (x: Run) => x.latency.p99;
  const cpu = (x: Run) => x.cpuMicrosPerRequest;
  console.log(
    `bare_http rps ${medianOf("bare", rps).toFixed(0)} p99 ${medianOf("bare", p99)} ms (median of ${ROUNDS}; same signed URLs, same JSON and headers)`,
  );
  console.log(`decision rps ${medianOf("decision", rps).toFixed(0)} p99 ${medianOf("decision", p99)} ms`);
  console.log(
    `check_only rps ${medianOf("checkOnly", rps).toFixed(0)} p99 ${medianOf("checkOnly", p99)} ms (node:http + the proxy signature check, nothing else)`,
  );
  console.log(
    `server cpu per request: bare_http ${medianOf("bare", cpu).toFixed(1)} µs, decision ${medianOf("decision", cpu).toFixed(1)} µs, check_only ${medianOf("checkOnly", cpu).toFixed(1)} µs (bare/decision ${(medianOf("bare", cpu) / medianOf("decision", cpu)).toFixed(3)}: the ratio when the server, not the machine, is the limit)`,
  );
  console.log(
    `signature check: ours ${oursUs.toFixed(1)} µs, shopify-api validateHmac ${theirsUs.toFixed(1)} µs per call`,
  );
  console.log(`ratio proxy_check_ceiling_vs_bare_http ${ratioOf("checkOnly").toFixed(3)}`);
  console.log(`ratio decision_vs_bare_http ${ratioOf("decision").toFixed(3)}`);
  console.log(`p99_decision_ms ${medianOf("decision", p99)}`);
} finally {
  child.disconnect();
  child.kill();
}
