// The sender of tests/helpers/order-webhooks.ts's postAll, run as its own process (forked with tsx): it gets
// { urls, deliveries, parallel } over IPC, posts them with node:http on keep-alive connections and sends back
// what the senders saw. Why not fetch in the test's own process: there the answer times were mostly the sender's.
// In a 5,000-delivery burst across three instances (load 15) the test process, which also runs the store
// simulator, had its event loop delayed ~1 s (p50 of monitorEventLoopDelay, GC pauses up to 155 ms) while the
// instances answered each request in p99 50-180 ms (timed inside them); fetch costs 0.89 ms of CPU per request
// and node:http with keep-alive 0.23 ms (5,000 POSTs, 200 at a time, to a trivial server), CPU the instances and
// PostgreSQL then wait for on a 2-core box. Shopify's senders are not on the app's machine.
import http from "node:http";
import type { Delivery, PostOutcome } from "./order-webhooks.js";

interface Job {
  urls: string[];
  deliveries: Delivery[];
  parallel: number;
}

/** One POST; resolves to its status, or 0 when the connection failed (refused, reset) before an answer. */
function post(agent: http.Agent, url: string, d: Delivery): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      `${url}/api/webhooks`,
      { method: "POST", agent, headers: { ...d.headers, "content-length": Buffer.byteLength(d.body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(0));
      },
    );
    req.on("error", () => resolve(0));
    req.end(d.body);
  });
}

async function send({ urls, deliveries, parallel }: Job): Promise<PostOutcome> {
  const agents = urls.map(() => new http.Agent({ keepAlive: true, maxSockets: parallel }));
  const bad: number[] = [];
  const answerMs: number[] = [];
  let next = 0;
  const one = async (d: Delivery, i: number): Promise<number> => {
    for (let attempt = 0; ; attempt++) {
      const at = (i + attempt) % urls.length;
      const sent = performance.now();
      const status = await post(agents[at], urls[at], d);
      if (status) answerMs.push(performance.now() - sent);
      if (status || attempt >= 4) return status;
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
  };
  const lane = async () => {
    while (next < deliveries.length) {
      const i = next++;
      const status = await one(deliveries[i], i);
      if (status !== 200) bad.push(status);
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  for (const agent of agents) agent.destroy();
  const cpu = process.cpuUsage();
  return { bad, answerMs, senderCpuMs: (cpu.user + cpu.system) / 1000 };
}

process.once("message", (job: Job) => {
  send(job).then((outcome) => process.send!(outcome, () => process.exit(0)));
});
