// The admin UI as main.ts mounts it, behind createApp (whose security headers apply to every response): one app
// in demo mode and one embedded in Shopify's admin (API key abc123), serving `dist`, for the whole describe block.
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../server/src/http/app.js";
import { webUiRoutes } from "../../server/src/http/web-ui.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { listen } from "./admin/fixtures.js";

type Listening = Awaited<ReturnType<typeof listen>>;

/** Registers the block's beforeAll/afterAll; the servers are there once beforeAll has run. */
export function serveWebUi(dist: string): { demo: Listening; embedded: Listening } {
  const servers = {} as { demo: Listening; embedded: Listening };
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const serve = (mode: "demo" | "shopify", shopifyApiKey?: string) =>
      listen(
        createApp({
          db: t.db,
          dbKind: t.kind,
          mode,
          staticMounts: [{ path: "/", handler: webUiRoutes(dist, { shopifyApiKey }) }],
        }),
      );
    servers.demo = await serve("demo");
    servers.embedded = await serve("shopify", "abc123");
  });
  afterAll(async () => {
    await servers.demo.close();
    await servers.embedded.close();
    await t.destroy();
  });
  return servers;
}
