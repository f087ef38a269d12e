// Demo mode: shoppers "browse" the storefront. Each visit goes through the real app-proxy path: the request is
// signed the way Shopify's proxy signs it and POSTed to /apps/dangol/events, like the extension's beacon.
import { hashString, signAppProxyQuery } from "../simulator/index.js";

export interface DemoVisitDeps {
  appBaseUrl: string;
  shop: string;
  apiSecret: string;
}

/** Sends one visit beacon per customer, a few at a time; returns how many were accepted. */
export async function sendDemoVisits(deps: DemoVisitDeps, customerIds: string[], concurrency = 8): Promise<number> {
  let accepted = 0;
  const queue = [...customerIds];
  async function worker() {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const query = signAppProxyQuery({ shop: deps.shop, loggedInCustomerId: id }, deps.apiSecret);
      const res = await fetch(`${deps.appBaseUrl}/apps/dangol/events?${query}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"kind":"visit"}',
      });
      if (res.ok) accepted++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return accepted;
}

/** A stable pseudo-random sample: about `share` of the customers, the same ones on every start. */
export function sampleCustomers(customerIds: string[], share: number): string[] {
  return customerIds.filter((id) => hashString(id) / 2 ** 32 < share);
}
