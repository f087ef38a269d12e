// The app proxy as main.ts serves it, with the real signature check: through Express alone, or through the
// node:http fast path main.ts puts in front of it (the app proxy tests run both, which must answer alike).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/src/http/app.js";
import { withDecisionFastPath } from "../../server/src/http/decision-fast-path.js";
import { appProxyRoutes } from "../../server/src/http/routes/app-proxy.routes.js";
import type { createStorefrontService } from "../../server/src/services/storefront.service.js";
import type { TestDb } from "../helpers/test-db.js";
import { realProxyVerifier } from "./app-proxy-signing.js";

export type ProxyDoor = "express" | "fast path";

/** Listens on a free port; `base` is the proxy's path there (…/apps/dangol). */
export async function serveAppProxy(
  t: TestDb,
  door: ProxyDoor,
  storefront: ReturnType<typeof createStorefrontService>,
): Promise<{ server: Server; base: string }> {
  const platform = realProxyVerifier();
  const app = createApp({
    db: t.db,
    dbKind: t.kind,
    rawMounts: [{ path: "/apps/dangol", handler: appProxyRoutes({ platform, storefront }) }],
  });
  const server = createServer(door === "express" ? app : withDecisionFastPath(app, { platform, storefront })).listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/apps/dangol` };
}
