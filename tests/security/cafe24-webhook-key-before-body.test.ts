// The Cafe24 webhook key is checked on the headers, before the body is read: a request with no key or a wrong one
// announcing a large body is answered 403 while the body has not been sent at all (before the fix the route
// buffered up to 1 MB first, so this request got no answer until the whole body arrived). The keyed request is
// still read and handed to the ingest.
import { request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { cafe24WebhookRoutes } from "../../server/src/platforms/cafe24/webhook-intake.js";

const KEY = "cafe24-webhook-key";
const BODY_BYTES = 900_000;

describe("Cafe24 webhook key before body", () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function start() {
    const ingested: Buffer[] = [];
    const ingest = {
      ingest: async (_platform: string, body: Buffer) => {
        ingested.push(body);
        return "stored" as const;
      },
    };
    const app = express().use("/cafe24/webhooks", cafe24WebhookRoutes({ ingest: ingest as never, apiKey: KEY }));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    return { port: (server.address() as AddressInfo).port, ingested };
  }

  /** Sends the headers only; the body is written after the answer, if ever. */
  function headersOnly(port: number, key: string | undefined) {
    const req = request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/cafe24/webhooks",
      headers: {
        "content-type": "application/json",
        "content-length": String(BODY_BYTES),
        ...(key === undefined ? {} : { "x-api-key": key }),
      },
    });
    req.on("error", () => {});
    req.flushHeaders();
    return new Promise<IncomingMessage>((resolve) => req.on("response", resolve)).finally(() => req.destroy());
  }

  it.each([
    ["no key", undefined],
    ["a wrong key", "not-the-key"],
    ["an empty key", ""],
  ])("answers 403 to %s before the body is sent", { timeout: 20_000 }, async (_name, key) => {
    const { port, ingested } = await start();
    const res = await headersOnly(port, key);
    expect(res.statusCode).toBe(403);
    expect(res.headers.connection).toBe("close");
    expect(ingested).toHaveLength(0);
  });

  it("reads the body of a keyed request and hands it to the ingest", async () => {
    const { port, ingested } = await start();
    const body = JSON.stringify({ event_no: 90023, resource: { mall_id: "hookmall", order_id: "x" } });
    const res = await fetch(`http://127.0.0.1:${port}/cafe24/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": KEY },
      body,
    });
    expect(res.status).toBe(200);
    expect(ingested.map((b) => b.toString("utf8"))).toEqual([body]);
  });
});
