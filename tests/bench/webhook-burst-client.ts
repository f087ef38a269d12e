// The load side of webhooks.bench.ts, in its own process so its CPU doesn't count against the server measured:
// posts every delivery of the JSON file argv[3] to argv[2] at once (one connection each, as Shopify's senders
// arrive) and prints {ms: sorted latencies, bad: statuses other than 200} as JSON.
import { readFileSync } from "node:fs";
import { request } from "node:http";

const [url, file] = process.argv.slice(2);
const deliveries = JSON.parse(readFileSync(file, "utf8")) as Array<{ body: string; headers: Record<string, string> }>;
const agent = false; // a fresh connection per delivery

function post(d: { body: string; headers: Record<string, string> }): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", agent, headers: { ...d.headers, "content-length": Buffer.byteLength(d.body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0 }));
      },
    );
    req.on("error", reject);
    req.end(d.body);
  });
}

const timed = await Promise.all(deliveries.map(post));
console.log(
  JSON.stringify({
    ms: timed.map((t) => t.ms).sort((a, b) => a - b),
    bad: timed.filter((t) => t.status !== 200).map((t) => t.status),
  }),
);
