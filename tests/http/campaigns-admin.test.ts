import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/src/http/app.js";
import { campaignRoutes } from "../../server/src/http/routes/admin/campaigns.routes.js";
import { createCampaignService } from "../../server/src/services/campaign.service.js";
import { createCampaignResultsService } from "../../server/src/services/campaign-results.service.js";
import { createCampaignPreviewService } from "../../server/src/services/campaign-preview.service.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

describe("admin /api/campaigns", () => {
  let t: TestDb;
  let server: Server;
  let base: string;
  const republished: string[] = [];

  beforeAll(async () => {
    t = await createTestDb();
    const deps = {
      campaigns: createCampaignService({ db: t.db, onChanged: async (shop) => republished.push(shop) }),
      results: createCampaignResultsService({ db: t.db }),
      preview: createCampaignPreviewService({ db: t.db, loadPredictions: async () => [] }),
    };
    // A stand-in for the admin auth middleware: the shop comes from a header the test controls.
    const auth = (
      req: { header(n: string): string | undefined },
      res: { locals: Record<string, unknown> },
      next: () => void,
    ) => {
      if (req.header("x-test-shop")) res.locals.shop = req.header("x-test-shop");
      next();
    };
    const app = createApp({
      db: t.db,
      dbKind: t.kind,
      mounts: [
        { path: "/api", handler: auth as never },
        { path: "/api", handler: campaignRoutes(deps) },
      ],
    });
    server = app.listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(async () => {
    server.close();
    await t.destroy();
  });

  const call = (path: string, init: RequestInit & { shop?: string } = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: {
        "content-type": "application/json",
        ...(init.shop !== "" ? { "x-test-shop": init.shop ?? "a.myshopify.com" } : {}),
      },
    });

  it("lists the five presets", async () => {
    const body = await (await call("/campaigns")).json();
    expect(body.campaigns).toHaveLength(5);
  });

  it("toggles a campaign for one shop only and republishes it", async () => {
    const res = await call("/campaigns/win_back", { method: "PATCH", body: JSON.stringify({ enabled: true }) });
    expect(res.status).toBe(200);
    expect((await res.json()).enabled).toBe(true);
    expect(republished).toEqual(["a.myshopify.com"]);
    const other = await (await call("/campaigns", { shop: "b.myshopify.com" })).json();
    expect(other.campaigns.find((c: { key: string }) => c.key === "win_back").enabled).toBe(false);
  });

  it("answers 400 for invalid edits and 404 for unknown campaigns", async () => {
    expect(
      (await call("/campaigns/win_back", { method: "PATCH", body: JSON.stringify({ holdoutShare: 2 }) })).status,
    ).toBe(400);
    expect(
      (await call("/campaigns/win_back", { method: "PATCH", body: JSON.stringify({ enabled: "yes" }) })).status,
    ).toBe(400);
    expect((await call("/campaigns/nope", { method: "PATCH", body: JSON.stringify({ enabled: true }) })).status).toBe(
      404,
    );
    expect((await call("/campaigns/nope/results")).status).toBe(404);
    const unknown = await call("/campaigns/nope");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("NotFound");
    const known = await call("/campaigns/win_back");
    expect(known.status).toBe(200);
    expect(await known.json()).toMatchObject({ key: "win_back" });
  });

  it("returns results with lift fields and a sample preview", async () => {
    const results = await (await call("/campaigns/win_back/results")).json();
    expect(results).toMatchObject({
      key: "win_back",
      impressions: 0,
      treatment: { customers: 0 },
      lift: { significant: false },
    });
    const preview = await (await call("/campaigns/vip_thanks/preview")).json();
    expect(preview.banner.title.en).toBe("Thank you, Mina");
  });

  it("answers 401 without a shop", async () => {
    expect((await call("/campaigns", { shop: "" })).status).toBe(401);
  });
});
