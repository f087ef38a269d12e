// The demo's shoppers browse from the simulator's thread, as Shopify's proxy would send their beacons: the app's
// thread only answers them. Each beacon is signed with the app's secret for its own customer and carries its own
// address; the thread answers how many the app accepted.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoShopperAddress } from "../../server/src/demo/demo-visits.js";
import { type SimulatorThread, startSimulatorThread } from "../../server/src/demo/simulator-thread.js";
import { appProxySignature } from "../../server/src/simulator/index.js";

const SHOP = "visits.myshopify.com";
const SECRET = "visits-secret";

describe("demo visits from the simulator's thread", () => {
  let sim: SimulatorThread;
  let app: Server;
  const seen: Array<{ customer: string; address: string; signed: boolean; body: string }> = [];

  beforeAll(async () => {
    sim = await startSimulatorThread({ app: { apiKey: "visits", apiSecret: SECRET }, shops: [{ domain: SHOP }] });
    // Stands in for the app: checks each signature, refuses customer 3 (a shopper over its limit, say).
    app = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        const query = new URL(req.url!, "http://x").searchParams;
        const params = Object.fromEntries(query);
        const customer = params.logged_in_customer_id;
        seen.push({
          customer,
          address: String(req.headers["x-forwarded-for"]),
          signed: params.shop === SHOP && appProxySignature(params, SECRET) === params.signature,
          body,
        });
        res.statusCode = customer === "3" ? 429 : 204;
        res.end();
      });
    }).listen(0, "127.0.0.1");
    await new Promise((resolve) => app.once("listening", resolve));
  });
  afterAll(async () => {
    await sim?.close();
    app?.close();
  });

  it("sends one signed beacon per customer, each from its own address, and counts those accepted", async () => {
    const customers = Array.from({ length: 100 }, (_, i) => String(i + 1));
    const base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    expect(await sim.sendVisits(base, customers)).toBe(99);
    expect(seen.map((s) => s.customer).sort()).toEqual([...customers].sort());
    expect(seen.every((s) => s.signed && s.body === '{"kind":"visit"}')).toBe(true);
    expect(seen.every((s) => s.address === demoShopperAddress(s.customer))).toBe(true);
  });
});
