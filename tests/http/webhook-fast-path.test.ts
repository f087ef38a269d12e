// The webhook intake's node:http fast path answers as the Express route does (status, JSON, headers) for an
// accepted delivery and for each refusal, and leaves to Express what it does not read itself.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UnauthorizedError, ValidationError } from "../../server/src/domain/shared/errors.js";
import { createApp } from "../../server/src/http/app.js";
import { webhookRoutes } from "../../server/src/http/routes/webhooks.routes.js";
import { withWebhookFastPath } from "../../server/src/http/webhook-fast-path.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const PATH = "/api/webhooks";
/** The fake ingest's answer is chosen by the body. */
const ingest = {
  async ingest(_platform: string, body: Buffer): Promise<"accepted" | "duplicate"> {
    const text = body.toString("utf8");
    if (text === "forged") throw new UnauthorizedError("Webhook signature is missing or invalid");
    if (text === "not json") throw new ValidationError("Webhook body is not valid JSON");
    if (text === "boom") throw new Error("database gone");
    return text === "again" ? "duplicate" : "accepted";
  },
};

describe("webhook fast path", () => {
  let t: TestDb;
  let fast: Server;
  let plain: Server;
  const handedOver: string[] = []; // requests the fast path gave to Express

  const listen = (listener: RequestListener) =>
    new Promise<Server>((resolve) => {
      const server = createServer(listener).listen(0, "127.0.0.1", () => resolve(server));
    });
  const post = async (server: Server, body: string, init: { url?: string; chunked?: boolean } = {}) => {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${init.url ?? PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // A stream has no Content-Length: sent chunked.
      body: init.chunked ? new Blob([body]).stream() : body,
      ...(init.chunked ? { duplex: "half" } : {}),
    } as RequestInit);
    const { date: _date, etag: _etag, connection: _c, "keep-alive": _k, ...headers } = Object.fromEntries(res.headers);
    return { status: res.status, body: await res.json(), headers };
  };

  beforeAll(async () => {
    t = await createTestDb();
    const app = createApp({
      db: t.db,
      dbKind: t.kind,
      mode: "shopify",
      rawMounts: [{ path: PATH, handler: webhookRoutes({ ingest, platform: "shopify" }) }],
    });
    const counted: RequestListener = (req, res) => {
      handedOver.push(`${req.method} ${req.url}`);
      app(req, res);
    };
    const quiet = () => undefined; // the 500 case logs on purpose
    fast = await listen(
      withWebhookFastPath(counted, {
        ingest,
        intakes: [{ path: PATH, platform: "shopify" }],
        mode: "shopify",
        log: quiet,
      }),
    );
    plain = await listen(app);
  });
  afterAll(async () => {
    fast.close();
    plain.close();
    await t.destroy();
  });

  it.each([
    ["an accepted delivery", "{}", 200],
    ["a duplicate", "again", 200],
    ["a forged signature", "forged", 401],
    ["a body that is not JSON", "not json", 400],
    ["a failure while storing", "boom", 500],
  ])("answers %s as the Express route does, without Express", async (_name, body, status) => {
    handedOver.length = 0;
    const [viaFast, viaExpress] = [await post(fast, body), await post(plain, body)];
    expect(viaFast.status).toBe(status);
    expect(viaFast).toEqual(viaExpress);
    expect(viaFast.headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(handedOver).toEqual([]);
  });

  it("hands Express a chunked body, another path and another method", async () => {
    handedOver.length = 0;
    expect((await post(fast, "{}", { chunked: true })).status).toBe(200);
    expect((await post(fast, "{}", { url: `${PATH}/` })).status).toBe(200);
    await fetch(`http://127.0.0.1:${(fast.address() as AddressInfo).port}${PATH}`);
    expect(handedOver).toEqual([`POST ${PATH}`, `POST ${PATH}/`, `GET ${PATH}`]);
  });
});
