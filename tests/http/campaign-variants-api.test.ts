import { describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { useCampaignApi } from "./campaign-api-harness.js";

const SHOP = "a.myshopify.com";
const content = {
  title: { en: "B title", ko: "B 제목" },
  body: { en: "B body", ko: "B 본문" },
  cta: { en: "Go", ko: "가기" },
};

describe.each(DB_KINDS)("campaign variants API on %s", (kind) => {
  const api = useCampaignApi(kind, SHOP);
  const send = api.send;

  it("saves variants, picks and clears a winner, and reports per-arm results and earnings", async () => {
    const saved = await send("PUT", "/campaigns/win_back/variants", { variants: [{ id: "b", content }] });
    expect(saved.status).toBe(200);
    expect((await saved.json()).experiment.variants).toEqual([{ id: "b", content, imageUrl: null, weight: 1 }]);
    expect((await send("POST", "/campaigns/win_back/winner", { variant: "b" })).status).toBe(200);
    const campaign = await (await fetch(`${api.base}/campaigns/win_back`)).json();
    expect(campaign.experiment).toMatchObject({ winner: "b" });
    expect(campaign.experiment.endedAt).toEqual(expect.any(String));
    expect((await send("POST", "/campaigns/win_back/winner", { variant: null })).status).toBe(200);
    const results = await (await fetch(`${api.base}/campaigns/win_back/results`)).json();
    expect(results.experiment.arms.map((a: { arm: string }) => a.arm)).toEqual(["holdout", "a", "b"]);
    expect(results.experiment.analysis.method).toMatch(/mixture SPRT/);
    const earnings = await (await fetch(`${api.base}/campaigns-earnings`)).json();
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
