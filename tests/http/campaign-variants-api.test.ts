import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/src/http/app.js";
import { campaignRoutes } from "../../server/src/http/routes/admin/campaigns.routes.js";
import { createCampaignService } from "../../server/src/services/campaign.service.js";
import { createCampaignResultsService } from "../../server/src/services/campaign-results.service.js";
import { createCampaignPreviewService } from "../../server/src/services/campaign-preview.service.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

const SHOP = "a.myshopify.com";
const content = {
  title: { en: "B title", ko: "B 제목" },
  body: { en: "B body", ko: "B 본문" },
  cta: { en: "Go", ko: "가기" },
};

describe.each(DB_KINDS)("campaign variants API on %s", (kind) => {
  let t: TestDb;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    const deps = {
      campaigns: createCampaignService({ db: t.db }),
      results: createCampaignResultsService({ db: t.db }),
      preview: createCampaignPreviewService({ db: t.db, loadPredictions: async () => [] }),
      defaultShop: SHOP,
    };
    const app = createApp({ db: t.db, dbKind: t.kind, mounts: [{ path: "/api", handler: campaignRoutes(deps) }] });
    server = app.listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(async () => {
    server.close();
    await t.destroy();
  });

  const send = (method: string, path: string, body: unknown) =>
    fetch(`${base}${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("saves variants, picks and clears a winner, and reports per-arm results and earnings", async () => {
    const saved = await send("PUT", "/campaigns/win_back/variants", { variants: [{ id: "b", content }] });
    expect(saved.status).toBe(200);
    expect((await saved.json()).experiment.variants).toEqual([{ id: "b", content, imageUrl: null, weight: 1 }]);
    expect((await send("POST", "/campaigns/win_back/winner", { variant: "b" })).status).toBe(200);
    const campaign = await (await fetch(`${base}/campaigns/win_back`)).json();
    expect(campaign.experiment).toMatchObject({ winner: "b" });
    expect(campaign.experiment.endedAt).toEqual(expect.any(String));
    expect((await send("POST", "/campaigns/win_back/winner", { variant: null })).status).toBe(200);
    const results = await (await fetch(`${base}/campaigns/win_back/results`)).json();
    expect(results.experiment.arms.map((a: { arm: string }) => a.arm)).toEqual(["holdout", "a", "b"]);
    expect(results.experiment.analysis.method).toMatch(/mixture SPRT/);
    const earnings = await (await fetch(`${base}/campaigns-earnings`)).json();
    expect(earnings).toMatchObject({ attributedRevenue: 0, incremental: null });
  });

  it("refuses bad variants field by field", async () => {
    for (const body of [
      { variants: [{ id: "a", content }] }, // "a" is the campaign's own content
      { variants: [{ id: "b", content, imageUrl: "http://x.example/i.png" }] },
      { variants: [{ id: "b", content, extra: 1 }] },
      { variants: [{ id: "b", content: { ...content, title: { en: "", ko: "x" } } }] },
    ]) {
      const res = await send("PUT", "/campaigns/win_back/variants", body);
      expect(res.status).toBe(400);
    }
    expect((await send("POST", "/campaigns/win_back/winner", { variant: "q" })).status).toBe(400);
  });
});
