import { describe, expect, it } from "vitest";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/src/http/app.js";
import { DECISION_PATH, withDecisionFastPath } from "../../server/src/http/decision-fast-path.js";
import { appProxyRoutes } from "../../server/src/http/routes/app-proxy.routes.js";
import type { StorefrontService } from "../../server/src/services/storefront.service.js";
import { createTestDb } from "../helpers/test-db.js";
import { proxyParams, realProxyVerifier, signProxyQuery } from "./app-proxy-signing.js";

const SHOP = "demo.myshopify.com";

// Both /decision front doors (node:http fast path and the Express route) send nosniff: the JSON carries merchant text.
describe("GET /decision security headers", () => {
  it("the fast path and the Express route both say nosniff", async () => {
    const t = await createTestDb();
    const platform = realProxyVerifier();
    const storefront = { decisionJsonFor: async () => JSON.stringify({ ok: true }) } as unknown as StorefrontService;
    const app = createApp({
      db: t.db,
      dbKind: t.kind,
      mode: "shopify",
      rawMounts: [{ path: "/apps/dangol", handler: appProxyRoutes({ platform, storefront }) }],
    });
    const fast = createServer(withDecisionFastPath(app, { platform, storefront })).listen(0);
    const plain = createServer(app).listen(0);
    try {
      for (const server of [fast, plain]) {
        await new Promise((resolve) => (server.listening ? resolve(null) : server.once("listening", resolve)));
        const res = await fetch(
          `http://127.0.0.1:${(server.address() as AddressInfo).port}${DECISION_PATH}?${signProxyQuery(proxyParams(SHOP, "111"))}`,
        );
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      }
    } finally {
      fast.close();
      plain.close();
      await t.destroy();
    }
  });
});
