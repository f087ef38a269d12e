// Demo mode: shoppers "browse" the storefront. Each visit goes through the real app-proxy path: the request is
// signed the way Shopify's proxy signs it and POSTed to /apps/dangol/events, like the extension's beacon.
import { Agent, request } from "node:http";
import { hashString, signAppProxyQuery } from "../simulator/index.js";

export interface DemoVisitDeps {
  appBaseUrl: string;
  shop: string;
  apiSecret: string;
}

/**
 * Sends one visit beacon per customer, 32 at a time (each waits mostly on a database write); returns how many were
 * accepted. node:http with kept-alive sockets, not fetch: fetch cost about 0.9 ms of CPU per POST here against a
 * quarter of that (measured for the webhook burst client, issue 11), and the demo sends 1,438 of them while its
 * backfill runs. The demo sends them from its simulator's thread (simulator-thread-entry.ts), as Shopify's proxy.
 */
export async function sendDemoVisits(
  deps: DemoVisitDeps,
  customerIds: string[],
  concurrency = 32,
  timeoutMs = 10_000,
): Promise<number> {
  let accepted = 0;
  const queue = [...customerIds];
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const body = '{"kind":"visit"}';
  async function worker() {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const query = signAppProxyQuery({ shop: deps.shop, loggedInCustomerId: id }, deps.apiSecret);
      const status = await post(`${deps.appBaseUrl}/apps/dangol/events?${query}`, agent, body, timeoutMs, {
        "content-type": "application/json",
        // Shopify's proxy adds the shopper's address; without it every demo shopper would share 127.0.0.1 and its
        // per-address rate limit.
        "x-forwarded-for": demoShopperAddress(id),
      });
      if (status >= 200 && status < 300) accepted++;
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return accepted;
}

/** One POST; resolves with the status once the answer is read, rejects if none comes within `timeoutMs` (a hung
 *  app would otherwise hold the demo's visits for ever). */
function post(
  url: string,
  agent: Agent,
  body: string,
  timeoutMs: number,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", agent, timeout: timeoutMs, headers: { ...headers, "content-length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer to a demo visit within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** A stable address per demo shopper, in the carrier-grade NAT range (100.64.0.0/10), as a phone's would be. */
export function demoShopperAddress(customerId: string): string {
  const h = hashString(customerId);
  return `100.${64 + (h & 63)}.${(h >>> 6) & 255}.${(h >>> 14) & 255}`;
}

/** A stable pseudo-random sample: about `share` of the customers, the same ones on every start. */
export function sampleCustomers(customerIds: string[], share: number): string[] {
  return customerIds.filter((id) => hashString(id) / 2 ** 32 < share);
}
