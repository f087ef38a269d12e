// The load side of scale.bench.ts, in its own process: posts every delivery of the JSON file argv[3] at once, in
// turn to the comma-separated instance URLs of argv[2] (one connection each, as Shopify's senders arrive), and
// prints {ms: sorted latencies, bad: statuses other than 200} as JSON.
import { readFileSync } from "node:fs";
import { request } from "node:http";

const [urls, file] = process.argv.slice(2);
const targets = urls.split(",").map((u) => `${u}/api/webhooks`);
const deliveries = JSON.parse(readFileSync(file, "utf8")) as Array<{ body: string; headers: Record<string, string> }>;

function post(url: string, d: { body: string; headers: Record<string, string> }) {
  const t0 = performance.now();
  return new Promise<{ ms: number; status: number }>((resolve) => {
    const req = request(
      url,
      { method: "POST", agent: false, headers: { ...d.headers, "content-length": Buffer.byteLength(d.body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0 }));
      },
    );
    req.on("error", () => resolve({ ms: performance.now() - t0, status: 0 }));
    req.end(d.body);
  });
}

const timed = await Promise.all(deliveries.map((d, i) => post(targets[i % targets.length], d)));
console.log(
  JSON.stringify({
    ms: timed.map((t) => t.ms).sort((a, b) => a - b),
    bad: timed.filter((t) => t.status !== 200).map((t) => t.status),
  }),
);
