import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/src/http/app.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

describe("GET /healthz", () => {
  let t: TestDb;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    t = await createTestDb();
    server = createApp({ db: t.db, dbKind: t.kind }).listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await t.destroy();
  });

  it("answers 200 with the database kind", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: t.kind });
  });

  it("answers malformed JSON bodies with 400, not 500", async () => {
    const res = await fetch(`${base}/anything`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{oops",
    });
    expect(res.status).toBe(400);
  });
});

describe("unknown admin API paths", () => {
  it("answer a JSON 404, in any letter case, before the UI fallback", async () => {
    const t = await createTestDb();
    const server = createApp({
      db: t.db,
      dbKind: t.kind,
      staticMounts: [{ path: "/", handler: (_req, res) => void res.send("<html>ui</html>") }],
    }).listen(0);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const p of ["/api/nope", "/API/nope", "/api"]) {
        const res = await fetch(base + p);
        expect(res.status).toBe(404);
        expect((await res.json()).error.code).toBe("NotFound");
      }
      expect(await (await fetch(`${base}/customers`)).text()).toBe("<html>ui</html>");
    } finally {
      server.close();
      await t.destroy();
    }
  });
});
