import { describe, expect, it } from "vitest";
import { campaignApi, withAdminBrowser } from "./admin-browser.js";
import type { Db } from "../../server/src/db/database.js";
import type { Page } from "playwright-core";
import { NOW, seedTwoShops, SHOP_A } from "../http/admin/fixtures.js";
import { upsertOrders } from "../../server/src/db/repositories/order.repository.js";
import { syncedOrder } from "../helpers/synced-order.js";

/** The fixtures' two shops, with 300 assigned shoppers (270 shown, 30 held out) and 3 + 1 converted. */
async function seedWithResults(db: Db): Promise<void> {
  await seedTwoShops(db);
  // Rates near 1 %; one impression in the fixtures.
  const assigned = Array.from({ length: 300 }, (_, i) => ({
    id: `as-${i}`,
    shop_domain: SHOP_A,
    customer_id: `x${i}`,
    campaign_key: "replenishment",
    kind: "assignment",
    holdout: i < 30 ? 1 : 0,
    order_id: null,
    occurred_at: new Date(NOW.getTime() - 5 * 86_400_000).toISOString(),
  }));
  await db.insertInto("campaign_events").values(assigned).execute();
  await db
    .insertInto("experiment_assignments")
    .values(
      assigned.map((a) => ({
        shop_domain: a.shop_domain,
        campaign_key: a.campaign_key,
        customer_id: a.customer_id,
        arm: a.holdout ? "holdout" : "a",
        last_arm: a.holdout ? "holdout" : "a",
        first_at: a.occurred_at,
        last_at: a.occurred_at,
      })),
    )
    .execute();
  // Their orders two days later, inside the attribution window (x0 is held out).
  const orderAt = new Date(NOW.getTime() - 2 * 86_400_000);
  await upsertOrders(
    db,
    SHOP_A,
    [0, 40, 41, 42].map((i) => syncedOrder(`o-${i}`, `x${i}`, orderAt)),
  );
}

// The campaign editor keeps unsaved edits behind Polaris' save bar, and its results card reads at small rates.
describe("campaign editor save bar and results (Chromium)", () => {
  const admin = withAdminBrowser({ seed: seedWithResults, mounts: (db) => [campaignApi(db, { predictions: true })] });

  async function openEditor(width: number, language: "en" | "ko" = "en"): Promise<Page> {
    const page = await admin.browser.newPage({
      viewport: { width, height: 1000 },
      locale: language === "ko" ? "ko-KR" : "en-US",
    });
    // The UI takes its language from the shop's saved setting.
    await page.route("**/api/settings", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), language } });
    });
    await page.goto(`${admin.url}/campaigns/replenishment`);
    await page.locator("input[type=text]").first().waitFor();
    return page;
  }
  const title = (page: Page) => page.getByRole("textbox", { name: "Title" });
  const saveBar = (page: Page) => page.getByText("Unsaved changes");

  it("shows the save bar for an edit; Discard restores the text, Save persists it", async () => {
    const page = await openEditor(1440);
    const original = await title(page).inputValue();
    expect(await saveBar(page).count()).toBe(0);

    // Unticking and ticking a segment again is no change, whatever order the choices come back in.
    const firstTime = page.getByRole("checkbox", { name: "First-time buyers" });
    await firstTime.click();
    await saveBar(page).waitFor();
    await firstTime.click();
    await saveBar(page).waitFor({ state: "detached" });

    await title(page).fill("Running low on coffee?");
    await saveBar(page).waitFor();
    await page.getByRole("button", { name: "Discard" }).click();
    await saveBar(page).waitFor({ state: "detached" });
    expect(await title(page).inputValue()).toBe(original);

    await title(page).fill("Running low on coffee?");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await saveBar(page).waitFor({ state: "detached" });
    await page.reload();
    await title(page).waitFor();
    await expect.poll(() => title(page).inputValue()).toBe("Running low on coffee?");
    expect(await saveBar(page).count()).toBe(0);
    await page.close();
  });

  it("asks before leaving with unsaved edits, and stays when the merchant says no", async () => {
    const page = await openEditor(1440);
    await title(page).fill("Edited but not saved");
    await saveBar(page).waitFor();
    const questions: string[] = [];
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("button", { name: "Campaigns" }).first().click();
    expect(questions).toEqual(["You have unsaved changes. Leave this page and lose them?"]);
    expect(new URL(page.url()).pathname).toBe("/campaigns/replenishment");
    expect(await title(page).inputValue()).toBe("Edited but not saved");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Campaigns" }).first().click();
    await page.waitForURL((url) => url.pathname === "/campaigns");
    await page.close();
  });

  it("embedded before App Bridge has defined <ui-save-bar>: falls back to Polaris' bar instead of crashing", async () => {
    const page = await admin.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.addInitScript(() => {
      (window as unknown as { shopify: unknown }).shopify = { idToken: async () => "demo" };
    });
    await page.goto(`${admin.url}/campaigns/replenishment`);
    await title(page).fill("Embedded edit");
    await saveBar(page).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("labels the rate axis with distinct ticks and explains conversions without impressions", async () => {
    for (const language of ["en", "ko"] as const) {
      for (const width of [1440, 390]) {
        const page = await openEditor(width, language);
        // The results chart is the only chart on the page.
        const card = page.locator("main");
        await card.locator("svg text").first().waitFor({ timeout: 5000 });
        const ticks = (await card.locator("svg text").allTextContents()).filter((t) => /%$/.test(t.trim()));
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(new Set(ticks).size).toBe(ticks.length);
        await card
          .getByText(language === "en" ? /Why more conversions than impressions/ : /노출보다 전환이 많은 이유/)
          .waitFor();
        const shots = process.env.SCREENSHOT_DIR;
        if (shots) await page.screenshot({ path: `${shots}/campaign-${language}-${width}.png`, fullPage: true });
        // The save bar speaks the merchant's language.
        await page.locator("input[type=text]").first().fill("Edited");
        await page.getByText(language === "en" ? "Unsaved changes" : "저장하지 않은 변경 사항").waitFor();
        if (shots) await page.waitForTimeout(800); // the bar fades in
        if (shots) await page.screenshot({ path: `${shots}/campaign-save-bar-${language}-${width}.png` });
        await page.close();
      }
    }
  }, 60_000);
});
