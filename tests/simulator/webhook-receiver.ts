// A loopback HTTP receiver that records every webhook delivery; can fail the first attempts of each delivery.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  headers: IncomingMessage["headers"];
  rawBody: string;
  status: number;
}

export async function startReceiver(
  options: {
    failFirst?: number;
    inspect?: (req: IncomingMessage, res: ServerResponse, rawBody: string) => Promise<void>;
  } = {},
) {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    if (options.inspect) await options.inspect(req, res, rawBody);
    const id = String(req.headers["x-shopify-webhook-id"]);
    const n = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, n);
    const status = n <= (options.failFirst ?? 0) ? 500 : 200;
    received.push({ headers: req.headers, rawBody, status });
    if (!res.headersSent) {
      res.writeHead(status);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
