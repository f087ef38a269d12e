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
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 20;

/** Mean µs per call of `check` over the signed queries (after a warm-up). */
async function microsPerCheck(queries: string[], check: (q: string) => unknown, n = 20_000): Promise<number> {
  for (let i = 0; i < 2_000; i++) await check(queries[i % queries.length]);
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await check(queries[i % queries.length]);
  return Number(process.hrtime.bigint() - start) / 1000 / n;
}

const child = fork(path.join(import.meta.dirname, "decision-bench-server.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
const ports = await new Promise<{ app: number; bare: number; checkOnly: number }>((resolve, reject) => {
  child.once("message", (m) => resolve(m as { app: number; bare: number; checkOnly: number }));
  child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
});

// Signed once: the runs below finish well inside Shopify's 90 s timestamp window. Every server gets these URLs.
const queries = Array.from({ length: 200 }, (_, i) => signProxyQuery(proxyParams(SHOP, String(1000 + ((i * 7) % CUSTOMERS)))).toString());
const paths = queries.map((q) => `/apps/dangol/decision?${q}`);

function run(port: number): Promise<autocannon.Result> {
  let n = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}${paths[0]}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length] }) }],
  });
}

try {
  // Short warm-ups (JIT, SQLite page cache), then the measured runs.
  for (const port of [ports.bare, ports.app]) await autocannon({ url: `http://127.0.0.1:${port}${paths[0]}`, connections: CONNECTIONS, duration: 1 });
  const bare = await run(ports.bare);
  const decision = await run(ports.app);
  const checkOnly = await run(ports.checkOnly);
  const bad = decision.non2xx + decision.errors + checkOnly.non2xx + checkOnly.errors + bare.non2xx + bare.errors;
  if (bad > 0) throw new Error(`${bad} requests failed (non-2xx or errors)`);

  const api = shopifyApi({ apiKey: "k", apiSecretKey: PROXY_SECRET, scopes: [], hostName: "localhost", apiVersion: ApiVersion.July26, isEmbeddedApp: true, logger: { level: LogSeverity.Error } });
  const ours = realProxyVerifier().verifyAppProxy;
  const oursUs = await microsPerCheck(queries, (q) => ours(q));
  const theirsUs = await microsPerCheck(queries, (q) => api.utils.validateHmac(parse(q) as never, { signator: "appProxy" }), 5_000);

  console.log(`bare_http rps ${bare.requests.average.toFixed(0)} p99 ${bare.latency.p99} ms (same signed URLs, same JSON and headers)`);
  console.log(`decision rps ${decision.requests.average.toFixed(0)} p99 ${decision.latency.p99} ms (${decision.requests.total} requests)`);
  console.log(`check_only rps ${checkOnly.requests.average.toFixed(0)} p99 ${checkOnly.latency.p99} ms (node:http + the proxy signature check, nothing else)`);
  console.log(`signature check: ours ${oursUs.toFixed(1)} µs, shopify-api validateHmac ${theirsUs.toFixed(1)} µs per call`);
  console.log(`ratio proxy_check_ceiling_vs_bare_http ${(checkOnly.requests.average / bare.requests.average).toFixed(3)}`);
  console.log(`ratio decision_vs_bare_http ${(decision.requests.average / bare.requests.average).toFixed(3)}`);
  console.log(`p99_decision_ms ${decision.latency.p99}`);
} finally {
  child.disconnect();
  child.kill();
}
