// postAll (tests/helpers/order-webhooks.ts), which the scale test and the burst bench send their deliveries with,
// from a process of its own: every delivery is posted with its body and headers, a refused connection is sent
// again to the next instance (as Shopify retries), and statuses other than 200 come back.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { type Delivery, postAll } from "../helpers/order-webhooks.js";

const received: Array<{ id: string; body: string; path: string }> = [];
let status = 200;
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received.push({
      id: String(req.headers["x-shopify-webhook-id"]),
      body: Buffer.concat(chunks).toString(),
      path: req.url ?? "",
    });
    res.writeHead(status).end();
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
// A port nobody listens on: a closed server's.
const closed = http.createServer();
await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
const refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
await new Promise((resolve) => closed.close(resolve));
afterAll(() => new Promise((resolve) => server.close(resolve)));

const deliveries = (n: number): Delivery[] =>
  Array.from({ length: n }, (_, i) => ({
    shop: "s.myshopify.com",
    webhookId: `w${i}`,
    orderId: i,
    body: JSON.stringify({ id: i, note: "é" }),
    headers: { "content-type": "application/json", "x-shopify-webhook-id": `w${i}` },
  }));

describe("postAll", () => {
  it("posts every delivery, sending one whose connection was refused to the next instance", async () => {
    received.length = 0;
    const out = await postAll([refused, url], deliveries(6), 3);
    expect(out.bad).toEqual([]);
    expect(out.answerMs).toHaveLength(6);
    expect(received.map((r) => r.id).sort()).toEqual(["w0", "w1", "w2", "w3", "w4", "w5"]);
    expect(received.every((r) => r.path === "/api/webhooks")).toBe(true);
    expect(received.find((r) => r.id === "w1")?.body).toBe(JSON.stringify({ id: 1, note: "é" }));
  }, 60_000);

  it("reports the statuses that were not 200", async () => {
    status = 503;
    const out = await postAll([url], deliveries(2), 2);
    status = 200;
    expect(out.bad).toEqual([503, 503]);
  }, 60_000);
});
