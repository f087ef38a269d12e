import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { withAdminBrowser } from "./admin-browser.js";
import { campaignRoutes } from "../../server/src/http/routes/admin/campaigns.routes.js";
import { createCampaignService } from "../../server/src/services/campaign.service.js";
import { createCampaignResultsService } from "../../server/src/services/campaign-results.service.js";
import { createCampaignPreviewService } from "../../server/src/services/campaign-preview.service.js";
import type { Db } from "../../server/src/db/database.js";
import { seededRandom } from "../../server/src/domain/btyd/simulate.js";
import { NOW, seedTwoShops, SHOP_A } from "../http/admin/fixtures.js";

const DAY = 86_400_000;
const iso = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
const content = {
  title: { en: "Running low on {product}?", ko: "{product} 떨어질 때가 됐어요" },
  body: { en: "Your usual is ready.", ko: "늘 사던 상품이 준비됐어요." },
  cta: { en: "Order again", ko: "다시 주문" },
};

/** 6,000 shoppers assigned to replenishment 10 days ago (10 % holdout, A and B), ordering at 4 %, 5 % and 8 %. */
async function seedExperiment(db: Db): Promise<void> {
  await seedTwoShops(db);
  await db
    .insertInto("campaign_variants")
    .values({
      shop_domain: SHOP_A,
      campaign_key: "replenishment",
      variant_id: "b",
      content: JSON.stringify(content),
      image_url: null,
      weight: 1,
      updated_at: iso(-10),
    })
    .execute();
  const rand = seededRandom(14);
  const rates: Record<string, number> = { holdout: 0.04, a: 0.05, b: 0.08 };
  const assignments = [];
  const orders = [];
  for (let i = 0; i < 6000; i++) {
    const arm = i % 10 === 0 ? "holdout" : i % 2 ? "a" : "b";
    const customer_id = `xp${i}`;
    assignments.push({
      shop_domain: SHOP_A,
      campaign_key: "replenishment",
      customer_id,
      arm,
      last_arm: arm,
      first_at: iso(-10),
      last_at: iso(-2),
    });
    if (rand() < rates[arm])
      orders.push({
        shop_domain: SHOP_A,
        order_id: `xo${i}`,
        customer_id,
        name: null,
        processed_at: iso(-1 - Math.floor(rand() * 8)),
        updated_at: iso(-1),
        cancelled_at: null,
        test: 0,
        total_price: Math.round(20_000 + rand() * 40_000),
        refunded_total: 0,
        currency: "KRW",
        discount_codes: "[]",
        excluded_reason: null,
      });
  }
  for (let i = 0; i < assignments.length; i += 500)
    await db
      .insertInto("experiment_assignments")
      .values(assignments.slice(i, i + 500))
      .execute();
  for (let i = 0; i < orders.length; i += 200)
    await db
      .insertInto("orders")
      .values(orders.slice(i, i + 200))
      .execute();
}

describe("A/B test results and the earnings card (Chromium)", () => {
  // The campaign API as main.ts mounts it, its clock at the fixtures' NOW so "this month" is November 2026.
  const mount = (db: Db) => ({
    path: "/api",
    handler: campaignRoutes({
      campaigns: createCampaignService({ db, now: () => NOW, onChanged: async () => undefined }),
      results: createCampaignResultsService({ db, now: () => NOW }),
      preview: createCampaignPreviewService({ db, loadPredictions: async () => [] }),
    }),
  });
  const admin = withAdminBrowser({ seed: seedExperiment, mounts: (db) => [mount(db)] });
  const shots = process.env.SCREENSHOT_DIR;

  async function open(path: string, width: number, language: "en" | "ko"): Promise<Page> {
    const page = await admin.browser.newPage({ viewport: { width, height: 1000 }, locale: `${language}-KR` });
    await page.route("**/api/settings", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), language } });
    });
    await page.goto(`${admin.url}${path}`);
    return page;
  }

  for (const width of [1440, 390])
    for (const language of ["en", "ko"] as const)
      it(`shows per-variant results with intervals and the earnings card at ${width} px in ${language}`, async () => {
        const page = await open("/campaigns/replenishment", width, language);
        await page.getByText(language === "en" ? "Variant B vs Holdout" : "버전 B 대 대조군").waitFor();
        const text = await page.locator("body").innerText();
        expect(text).toMatch(language === "en" ? /Variant B vs Holdout/ : /버전 B 대 대조군/);
        expect(text).toMatch(language === "en" ? /95% interval/ : /95% 구간/);
        expect(text).toMatch(/Johari/);
        expect(await page.getByRole("textbox").count()).toBeGreaterThan(3); // the variant row's fields
        // On a desktop the per-arm table shows every column without scrolling (it did not in the side column).
        const scroll = await page
          .locator("table")
          .filter({ hasText: language === "en" ? "Variant B" : "버전 B" })
          .first()
          .evaluate((t) => ({ wide: t.parentElement?.scrollWidth ?? 0, shown: t.parentElement?.clientWidth ?? 0 }));
        if (width === 1440) expect(scroll.wide).toBeLessThanOrEqual(scroll.shown);
        if (shots) await page.screenshot({ path: `${shots}/experiment-${language}-${width}.png`, fullPage: true });
        const dash = await open("/", width, language);
        const earned = dash.getByText(language === "en" ? /^Dangol earned/ : /단골이 .*더 벌었어요/).first();
        await earned.waitFor();
        if (shots) await dash.screenshot({ path: `${shots}/earnings-${language}-${width}.png`, fullPage: true });
        await page.close();
        await dash.close();
      }, 90_000);
});
