// Serves the preview page in two network chunks with a pause between them, as a theme's streamed (chunked)
// page reaches a shopper on a slow connection: Chromium paints the half it has, then the rest. Every other
// request goes to the preview server unchanged.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface StreamedPage {
  url: string;
  /** The next page is cut right after the first occurrence of `marker`. */
  cutAfter(marker: string): void;
  close(): Promise<void>;
}

export async function startStreamedPage(upstream: string, pauseMs = 300): Promise<StreamedPage> {
  let marker = "";
  const server: Server = createServer(async (req, res) => {
    const answer = await fetch(upstream + req.url);
    const body = await answer.text();
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "text/html" });
    const at = req.url?.startsWith("/preview") ? body.indexOf(marker) : -1;
    if (at < 0 || !marker) return void res.end(body);
    res.write(body.slice(0, at + marker.length));
    setTimeout(() => res.end(body.slice(at + marker.length)), pauseMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cutAfter: (m) => {
      marker = m;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
