// Demo mode: shoppers "browse" the storefront. Each visit goes through the real app-proxy path: the request is
// signed the way Shopify's proxy signs it and POSTed to /apps/dangol/events, like the extension's beacon.
import { hashString, signAppProxyQuery } from "../simulator/index.js";

export interface DemoVisitDeps {
  appBaseUrl: string;
  shop: string;
  apiSecret: string;
}

/** Sends one visit beacon per customer, 32 at a time (each waits mostly on a database write); returns how many were accepted. */
export async function sendDemoVisits(deps: DemoVisitDeps, customerIds: string[], concurrency = 32): Promise<number> {
  let accepted = 0;
  const queue = [...customerIds];
  async function worker() {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const query = signAppProxyQuery({ shop: deps.shop, loggedInCustomerId: id }, deps.apiSecret);
      const res = await fetch(`${deps.appBaseUrl}/apps/dangol/events?${query}`, {
        method: "POST",
        // Shopify's proxy adds the shopper's address; without it every demo shopper would share 127.0.0.1 and its
        // per-address rate limit.
        headers: { "content-type": "application/json", "x-forwarded-for": demoShopperAddress(id) },
        body: '{"kind":"visit"}',
      });
      if (res.ok) accepted++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return accepted;
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
