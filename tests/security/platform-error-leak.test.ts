// The shared error handler sent a PlatformError's message and details to the client: they carry the platform's
// answer (a Cafe24 mall id in the API host, tokens in a URL, the upstream error text). The client now gets a fixed
// message and the stable code; the detail goes to the server log only. Other errors keep their useful message.
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import {
  AppError,
  NotFoundError,
  PlatformError,
  UnauthorizedError,
  ValidationError,
} from "../../server/src/domain/shared/errors.js";
import { errorHandler } from "../../server/src/http/error-handler.js";
import { syncRoutes } from "../../server/src/http/routes/sync.routes.js";
import { listen } from "../http/admin/fixtures.js";

const UPSTREAM =
  'Cafe24 GET https://secretmall.cafe24api.com/api/v2/admin/orders/20261201-0000001?access_token=tok_live_abc: HTTP 401 {"error":{"message":"invalid_token"}}';

let server: { url: string; close(): Promise<void> } | undefined;
afterEach(async () => server?.close());

async function serve(thrown: unknown) {
  const logged: Array<[string, unknown]> = [];
  const app = express();
  app.use(express.json());
  app.use(
    "/api/sync",
    syncRoutes({
      status: { status: async () => ({}) } as never,
      retryDeadLetter: async () => {
        throw thrown;
      },
      defaultShop: "secretmall",
    }),
  );
  app.use(errorHandler((msg, err) => logged.push([msg, err])));
  server = await listen(app);
  const res = await fetch(`${server.url}/api/sync/dead-letters/wh-1/retry`, { method: "POST" });
  return { status: res.status, text: await res.text(), retryAfter: res.headers.get("retry-after"), logged };
}

describe("error responses", () => {
  it("answers a platform failure with a fixed message and its code, and logs the platform's text", async () => {
    const { status, text, retryAfter, logged } = await serve(
      new PlatformError(UPSTREAM, true, 2000, { url: "https://secretmall.cafe24api.com" }),
    );
    expect(status).toBe(503);
    expect(text).not.toMatch(/secretmall|tok_live|invalid_token|cafe24api/);
    expect(JSON.parse(text)).toEqual({
      error: { code: "PlatformUnavailable", message: expect.any(String), retriable: true },
    });
    expect(retryAfter).toBe("2");
    expect(JSON.stringify(logged.map(([, err]) => (err as Error).message))).toContain("tok_live_abc");
  });

  it("says a refused platform call will not succeed on retry, still without its text", async () => {
    const { status, text } = await serve(new PlatformError(UPSTREAM, false));
    expect(status).toBe(503);
    expect(text).not.toMatch(/secretmall|tok_live/);
    expect(JSON.parse(text).error).toMatchObject({ code: "PlatformUnavailable", retriable: false });
  });

  it.each([
    [new ValidationError("percentOff must be at most 0.9", [{ path: "percentOff" }]), 400, "InvalidInput"],
    [new UnauthorizedError("Session token expired"), 401, "Unauthorized"],
    [new NotFoundError("No dead-letter delivery wh-1"), 404, "NotFound"],
    [new AppError("Conflict", "The campaign changed meanwhile"), 409, "Conflict"],
  ])("keeps the message of %s", async (err, status, code) => {
    const res = await serve(err);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.text).error).toEqual({
      code,
      message: (err as Error).message,
      ...((err as AppError).details ? { details: (err as AppError).details } : {}),
    });
  });

  it("never sends an unexpected error's text", async () => {
    const { status, text, logged } = await serve(new Error("connect ECONNREFUSED 10.0.0.7:5432 password=hunter2"));
    expect(status).toBe(500);
    expect(text).not.toMatch(/hunter2|10\.0\.0\.7/);
    expect(logged).toHaveLength(1);
  });
});
