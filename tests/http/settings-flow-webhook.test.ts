// PUT /api/settings takes the Flow webhook URL (https only outside the demo) and the coupon warning days; the first
// URL gets a secret that later URL changes keep, so the merchant's receiver keeps verifying.
import { describe, expect, it } from "vitest";
import { createSettingsService } from "../../server/src/services/settings.service.js";
import { withAdminApi } from "./admin/admin-api.js";
import { SHOP_A } from "./admin/fixtures.js";

describe("Flow event settings", () => {
  const api = withAdminApi();
  const put = (body: unknown) =>
    fetch(`${api.url}/api/settings`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });

  it("stores an https webhook URL with a generated secret kept across URL changes, and removes it on null", async () => {
    expect((await api.get("/api/settings")).body).toMatchObject({ flowWebhook: null, flowCouponWarningDays: 3 });
    expect((await put({ flowWebhookUrl: "https://hooks.example.kr/dangol" })).status).toBe(200);
    const first = (await api.get("/api/settings")).body.flowWebhook;
    expect(first).toEqual({ url: "https://hooks.example.kr/dangol", secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await put({ flowWebhookUrl: "https://hooks.example.kr/v2", flowCouponWarningDays: 5 })).status).toBe(200);
    const second = (await api.get("/api/settings")).body;
    expect(second.flowWebhook).toEqual({ url: "https://hooks.example.kr/v2", secret: first.secret });
    expect(second.flowCouponWarningDays).toBe(5);
    expect((await put({ flowWebhookUrl: null })).status).toBe(200);
    expect((await api.get("/api/settings")).body.flowWebhook).toBeNull();
  });

  it("refuses a URL that is not https (localhost too, outside the demo flag) and bad warning days", async () => {
    for (const bad of [
      { flowWebhookUrl: "http://hooks.example.kr/dangol" },
      { flowWebhookUrl: "http://localhost:9000/dangol" },
      { flowWebhookUrl: "ftp://hooks.example.kr" },
      { flowWebhookUrl: "not a url" },
      { flowCouponWarningDays: 0 },
      { flowCouponWarningDays: 2.5 },
    ]) {
      expect((await put(bad)).status, JSON.stringify(bad)).toBe(400);
    }
    // Unchanged: the first test left no URL and 5 days.
    expect((await api.get("/api/settings")).body).toMatchObject({ flowWebhook: null, flowCouponWarningDays: 5 });
  });

  it("takes http://localhost only in the demo", async () => {
    const local = { flowWebhookUrl: "http://localhost:9000/dangol" };
    await expect(createSettingsService({ db: api.db.db }).update(SHOP_A, local)).rejects.toThrow(/https/);
    const saved = await createSettingsService({ db: api.db.db, demo: true }).update(SHOP_A, local);
    expect(saved.flowWebhook?.url).toBe("http://localhost:9000/dangol");
  });

  it("says where the events go: Shopify Flow for a Shopify shop, the signed webhook for a Cafe24 mall", async () => {
    const settings = createSettingsService({ db: api.db.db });
    expect((await settings.get(SHOP_A)).flowEventsVia).toBe("shopify-flow");
    const mall = "dangolmall.cafe24.com";
    const row = { shop_domain: mall, platform: "cafe24", installed_at: new Date(0).toISOString(), settings: "{}" };
    await api.db.db.insertInto("shops").values(row).execute();
    expect((await settings.get(mall)).flowEventsVia).toBe("signed-webhook");
  });
});
