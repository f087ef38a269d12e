// One fixture for the admin's Chromium tests: a seeded test database, the admin served over it and a Chromium,
// opened before a file's tests and closed after them. Each file says only what differs (its seed, extra mounts).
import type { RequestHandler } from "express";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { Db } from "../../server/src/db/database.js";
import type { Mount } from "../../server/src/http/app.js";
import { demoShopAuth, sessionTokenAuth } from "../../server/src/http/auth/session-token.js";
import { campaignRoutes } from "../../server/src/http/routes/admin/campaigns.routes.js";
import { createCampaignPreviewService } from "../../server/src/services/campaign-preview.service.js";
import { createCampaignResultsService } from "../../server/src/services/campaign-results.service.js";
import { type CampaignServiceDeps, createCampaignService } from "../../server/src/services/campaign.service.js";
import { type PredictionLoader, predictionsFromDb } from "../../server/src/services/decision-publisher.service.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { API_KEY, API_SECRET, NOW, SHOP_A, seedTwoShops } from "../http/admin/fixtures.js";
import { CHROMIUM, CHROMIUM_ARGS, ensureWebBuild, serveAdmin } from "./admin-server.js";

export interface AdminBrowser {
  db: TestDb;
  browser: Browser;
  /** The served admin's base URL. */
  url: string;
  /** With `embedded`: the same admin behind App Bridge session-token auth (API_KEY/API_SECRET of the fixtures). */
  embeddedUrl: string;
}

export interface AdminBrowserOptions {
  /** Default: the two shops of tests/http/admin/fixtures.ts. */
  seed?: (db: Db) => Promise<void>;
  /** The admin API's clock. Default: the fixtures' NOW. */
  now?: () => Date;
  /** Default: the demo's auth, signed in as SHOP_A. */
  auth?: RequestHandler;
  mounts?: (db: Db) => Mount[];
  /** Serve the admin a second time, embedded (session tokens), over the same database. */
  embedded?: boolean;
}

/** Registers the file's beforeAll/afterAll; the returned object is filled in before the first test runs. */
export function withAdminBrowser(options: AdminBrowserOptions = {}): AdminBrowser {
  const admin = {} as AdminBrowser;
  const servers: { url: string; close(): Promise<void> }[] = [];
  beforeAll(async () => {
    ensureWebBuild();
    admin.db = await createTestDb();
    await (options.seed ?? seedTwoShops)(admin.db.db);
    const serve = async (auth: RequestHandler) => {
      const server = await serveAdmin({
        db: admin.db.db,
        dbKind: admin.db.kind,
        auth,
        now: options.now ?? (() => NOW),
        extraMounts: options.mounts?.(admin.db.db),
      });
      servers.push(server);
      return server.url;
    };
    admin.url = await serve(options.auth ?? demoShopAuth(SHOP_A));
    if (options.embedded) admin.embeddedUrl = await serve(sessionTokenAuth({ apiKey: API_KEY, apiSecret: API_SECRET }));
    admin.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await admin.browser?.close();
    for (const server of servers) await server.close();
    await admin.db?.destroy();
  });
  return admin;
}

/** The campaign API (list, editor, results, preview) over `db`, as main.ts mounts it; predictions off by default. */
export function campaignApi(
  db: Db,
  deps: { onChanged?: CampaignServiceDeps["onChanged"]; predictions?: boolean } = {},
): Mount {
  const loadPredictions: PredictionLoader = deps.predictions ? predictionsFromDb(db) : async () => [];
  return {
    path: "/api",
    handler: campaignRoutes({
      campaigns: createCampaignService({ db, onChanged: deps.onChanged ?? (async () => undefined) }),
      results: createCampaignResultsService({ db }),
      preview: createCampaignPreviewService({ db, loadPredictions }),
    }),
  };
}
