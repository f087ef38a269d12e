import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { PlatformId } from "../platforms/commerce-platform.js";
import type { WebhookIngestService } from "../services/webhook-ingest.service.js";
import { errorAnswer } from "./error-handler.js";
import { frameAncestors, HSTS, NOSNIFF, type ServingMode } from "./security-headers.js";

/** The largest body the Express route's express.raw takes; a larger one goes to Express for its 413. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookFastIntake {
  /** Exactly this path (no trailing slash, any query): e.g. /api/webhooks. */
  path: string;
  platform: PlatformId;
}

/**
 * A burst of webhook deliveries is answered by node:http: Express's per-request work (its router, the security
 * middleware, express.raw) was about a tenth of an acknowledgement's CPU in a profiled burst. A POST to an intake
 * path with a plain body of known length (Content-Length, no Content-Encoding, at most 1 MB) is read here and given
 * to the same ingest as the Express route (webhooks.routes.ts), answered with the same headers, status and JSON
 * (errors through the same errorAnswer). Anything else (chunked, compressed, too large) goes to Express unread.
 */
export function withWebhookFastPath(
  app: RequestListener,
  deps: {
    ingest: Pick<WebhookIngestService, "ingest">;
    intakes: WebhookFastIntake[];
    mode: ServingMode;
    log?: (msg: string, err: unknown) => void;
  },
): RequestListener {
  const log = deps.log ?? console.error;
  const byPath = new Map(deps.intakes.map((i) => [i.path, i.platform]));
  return (req, res) => {
    const url = req.url ?? "";
    const queryAt = url.indexOf("?");
    const platform = req.method === "POST" ? byPath.get(queryAt === -1 ? url : url.slice(0, queryAt)) : undefined;
    const length = Number(req.headers["content-length"]);
    if (
      !platform ||
      req.headers["content-encoding"] !== undefined ||
      !Number.isSafeInteger(length) ||
      length > MAX_BODY_BYTES
    )
      return app(req, res);
    readBody(req, length).then(
      (body) =>
        deps.ingest.ingest(platform, body, req.headers).then(
          (outcome) => answer(res, deps.mode, url, queryAt, 200, { ok: true, outcome }),
          (err: unknown) => {
            const failed = errorAnswer(err, `POST ${url}`, log);
            answer(res, deps.mode, url, queryAt, failed.status, failed.body, failed.headers);
          },
        ),
      () => res.destroy(), // the sender went away mid-body: nobody is left to answer
    );
  };
}

/** The body's bytes, exactly `length` of them (fewer or more: rejected, as a malformed request). */
function readBody(req: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      chunks.push(chunk);
    });
    req.on("end", () =>
      received === length
        ? resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received))
        : reject(new Error("body length")),
    );
    req.on("error", reject);
    req.on("aborted", () => reject(new Error("aborted")));
  });
}

/** The headers securityHeaders (security-headers.ts) and res.json would have set, then the body. */
function answer(
  res: ServerResponse,
  mode: ServingMode,
  url: string,
  queryAt: number,
  status: number,
  body: unknown,
  extra?: Record<string, string>,
): void {
  const json = JSON.stringify(body);
  const shops = queryAt === -1 ? [] : new URLSearchParams(url.slice(queryAt + 1)).getAll("shop");
  res.writeHead(status, {
    ...NOSNIFF,
    "Content-Security-Policy": frameAncestors(mode, shops.length === 1 ? shops[0] : undefined),
    ...(mode === "demo" ? {} : { "Strict-Transport-Security": HSTS }),
    ...extra,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(json),
  });
  res.end(json);
}
