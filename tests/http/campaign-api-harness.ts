// The admin campaigns API (campaignRoutes with the real campaign, results and preview services) on a fresh database,
// for the campaign editor and variants API tests: registers its own beforeAll/afterAll.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../server/src/http/app.js";
import { campaignRoutes } from "../../server/src/http/routes/admin/campaigns.routes.js";
import { createCampaignService } from "../../server/src/services/campaign.service.js";
import { createCampaignResultsService } from "../../server/src/services/campaign-results.service.js";
import { createCampaignPreviewService } from "../../server/src/services/campaign-preview.service.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

export interface CampaignApi {
  /** The API's base URL, ending in /api; set once beforeAll has run. */
  readonly base: string;
  send(method: string, path: string, body: unknown): Promise<Response>;
}

export function useCampaignApi(kind: "sqlite" | "postgres", defaultShop: string): CampaignApi {
  let t: TestDb;
  let server: Server;
  let base = "";
  beforeAll(async () => {
    t = await createTestDb(kind);
    const deps = {
      campaigns: createCampaignService({ db: t.db }),
      results: createCampaignResultsService({ db: t.db }),
      preview: createCampaignPreviewService({ db: t.db, loadPredictions: async () => [] }),
      defaultShop,
    };
    const app = createApp({ db: t.db, dbKind: t.kind, mounts: [{ path: "/api", handler: campaignRoutes(deps) }] });
    server = app.listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(async () => {
    server.close();
    await t.destroy();
  });
  return {
    get base() {
      return base;
    },
    send: (method, path, body) =>
      fetch(`${base}${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  };
}
