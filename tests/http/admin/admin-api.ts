// One fixture for the admin API's HTTP tests: a seeded test database (SQLite or PostgreSQL) and the admin routes
// served over it as the demo shop, opened before a file's tests and closed after them.
import { afterAll, beforeAll } from "vitest";
import type { Db, DbKind } from "../../../server/src/db/database.js";
import { createApp } from "../../../server/src/http/app.js";
import { demoShopAuth } from "../../../server/src/http/auth/session-token.js";
import { adminRoutes } from "../../../server/src/http/routes/admin/index.js";
import { createTestDb, type TestDb } from "../../helpers/test-db.js";
import { listen, NOW, SHOP_A, seedTwoShops } from "./fixtures.js";

export interface AdminApi {
  db: TestDb;
  url: string;
  /** GETs `path` and answers its status and JSON body. */
  get(path: string): Promise<{ status: number; body: any }>;
}

/** Registers the file's beforeAll/afterAll; `seed` runs after the fixtures' two shops are in. */
export function withAdminApi(options: { kind?: DbKind; seed?: (db: Db) => Promise<unknown> } = {}): AdminApi {
  let server: { url: string; close(): Promise<void> } | undefined;
  const api: AdminApi = {
    db: undefined as unknown as TestDb,
    url: "",
    async get(path) {
      const res = await fetch(`${api.url}${path}`);
      return { status: res.status, body: await res.json() };
    },
  };
  beforeAll(async () => {
    api.db = await createTestDb(options.kind);
    await seedTwoShops(api.db.db);
    await options.seed?.(api.db.db);
    const mounts = [
      { path: "/api", handler: adminRoutes({ db: api.db.db, auth: demoShopAuth(SHOP_A), now: () => NOW }) },
    ];
    server = await listen(createApp({ db: api.db.db, dbKind: api.db.kind, mounts }));
    api.url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    await api.db?.destroy();
  });
  return api;
}
