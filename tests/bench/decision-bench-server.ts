// Child process for decision.bench.ts: the real app (SQLite file, app-proxy route with the Shopify adapter's
// node:crypto check), a bare node:http server and node:http with only that check, all on loopback. Sends their
// ports to the parent over IPC.
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createDb } from "../../server/src/db/create-db.js";
import { migrateToLatest } from "../../server/src/db/migrate.js";
import { createApp } from "../../server/src/http/app.js";
import { DECISION_HEADERS, appProxyRoutes, rawQueryOf } from "../../server/src/http/routes/app-proxy.routes.js";
import { withDecisionFastPath } from "../../server/src/http/decision-fast-path.js";
import { createStorefrontService } from "../../server/src/services/storefront.service.js";
import { savePublishedDecisions } from "../../server/src/db/repositories/decision.repository.js";
import { realProxyVerifier } from "../http/app-proxy-signing.js";

export const BENCH_SHOP = "bench.myshopify.com";
export const BENCH_CUSTOMERS = 2000;

const { db, kind } = createDb({
  kind: "sqlite",
  filename: path.join(mkdtempSync(path.join(os.tmpdir(), "dangol-bench-")), "bench.sqlite"),
});
await migrateToLatest(db);
const decisions = Array.from({ length: BENCH_CUSTOMERS }, (_, i) => {
  const customerId = String(1000 + i);
  return {
    customerId,
    decision: {
      version: 1 as const,
      customerId,
      banner: {
        campaign: "replenishment",
        title: { en: "Time to restock Coffee beans?", ko: "커피 원두 다시 채울 때가 됐어요" },
        body: { en: "Hi Mina", ko: "Mina님" },
        ctaLabel: { en: "Re-order", ko: "다시 주문" },
        ctaUrl: "/cart/4711:1",
        coupon: null,
      },
      notice: null,
      decidedAt: new Date().toISOString(),
    },
    verdicts: [],
    assignments: [],
    decidedAt: new Date(),
    publishedAt: new Date(),
  };
});
await savePublishedDecisions(db, BENCH_SHOP, decisions);

// Composed as main.ts composes it: Express behind the decision fast path.
const platform = realProxyVerifier();
const storefront = createStorefrontService({ db });
const app = createApp({
  db,
  dbKind: kind,
  rawMounts: [{ path: "/apps/dangol", handler: appProxyRoutes({ platform, storefront }) }],
});
const body = JSON.stringify(decisions[0].decision);
// Same headers as the decision route, so both sides send the same bytes.
const json = (res: http.ServerResponse) => {
  res.writeHead(200, { ...DECISION_HEADERS, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
};
const servers = {
  app: http.createServer(withDecisionFastPath(app, { platform, storefront })),
  // Answers the same JSON to the same signed URLs, reading nothing.
  bare: http.createServer((_req, res) => json(res)),
  // The ceiling for any server that checks each request's signature (canonical parse + HMAC) and does nothing else.
  checkOnly: http.createServer((req, res) => {
    if (platform.verifyAppProxy(rawQueryOf(req.url!))) json(res);
    else res.writeHead(401).end();
  }),
};
const ports: Record<string, number> = {};
for (const [name, server] of Object.entries(servers)) {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(null)));
  ports[name] = (server.address() as AddressInfo).port;
}
process.send!(ports);
// The parent asks for this process's CPU time around each run: server CPU per request holds up on a busy machine.
process.on("message", (m) => m === "cpu" && process.send!({ cpu: process.cpuUsage() }));
process.on("disconnect", () => process.exit(0));
