// GET /apps/dangol/decision (signature check + one SQLite lookup + JSON) under autocannon, against a bare
// node:http server answering the same JSON, on loopback. The servers run in a child process so the load
// generator does not share their event loop. Prints `ratio decision_vs_bare_http <x>` and `p99_decision_ms <x>`.
import { fork } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import { proxyParams, signProxyQuery } from "../http/app-proxy-signing.js";

const SHOP = "bench.myshopify.com";
const CUSTOMERS = 2000;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 20;

const child = fork(path.join(import.meta.dirname, "decision-bench-server.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
const ports = await new Promise<{ app: number; bare: number; hmacOnly: number }>((resolve, reject) => {
  child.once("message", (m) => resolve(m as { app: number; bare: number; hmacOnly: number }));
  child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
});

// Signed once: the runs below finish well inside Shopify's 90 s timestamp window.
const paths = Array.from({ length: 200 }, (_, i) => `/apps/dangol/decision?${signProxyQuery(proxyParams(SHOP, String(1000 + ((i * 7) % CUSTOMERS))))}`);

async function run(url: string, rotate: boolean): Promise<autocannon.Result> {
  let n = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: rotate ? [{ setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length] }) }] : undefined,
  });
}

try {
  // Short warm-ups (JIT, SQLite page cache), then the measured runs.
  await autocannon({ url: `http://127.0.0.1:${ports.bare}/`, connections: CONNECTIONS, duration: 1 });
  await autocannon({ url: `http://127.0.0.1:${ports.app}${paths[0]}`, connections: CONNECTIONS, duration: 1 });
  const bare = await run(`http://127.0.0.1:${ports.bare}/`, false);
  const decision = await run(`http://127.0.0.1:${ports.app}${paths[0]}`, true);
  const hmacOnly = await run(`http://127.0.0.1:${ports.hmacOnly}${paths[0]}`, true);
  const bad = decision.non2xx + decision.errors + hmacOnly.non2xx + hmacOnly.errors;
  if (bad > 0) throw new Error(`${bad} decision requests failed (non-2xx or errors)`);
  console.log(`bare_http rps ${bare.requests.average.toFixed(0)} p99 ${bare.latency.p99} ms`);
  console.log(`decision rps ${decision.requests.average.toFixed(0)} p99 ${decision.latency.p99} ms (${decision.requests.total} requests)`);
  console.log(`hmac_only rps ${hmacOnly.requests.average.toFixed(0)} p99 ${hmacOnly.latency.p99} ms (node:http + shopify-api validateHmac, nothing else)`);
  console.log(`ratio shopify_hmac_ceiling_vs_bare_http ${(hmacOnly.requests.average / bare.requests.average).toFixed(3)}`);
  console.log(`ratio decision_vs_bare_http ${(decision.requests.average / bare.requests.average).toFixed(3)}`);
  console.log(`p99_decision_ms ${decision.latency.p99}`);
} finally {
  child.disconnect();
  child.kill();
}
