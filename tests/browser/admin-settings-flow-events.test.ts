// The settings page's customer events card: a Cafe24 mall sets its signed webhook's URL behind the save bar (an
// http:// one is refused inline, in the admin's language), sees its signing secret on request, and the saved URL
// is there after a reload; a Shopify shop is told its events go to Shopify Flow and gets no URL field.
// Screenshots of both at 1440 and 390 px in English and Korean go to /work/notes/screens/.
import type { RequestHandler } from "express";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Db } from "../../server/src/db/database.js";
import { demoShopAuth } from "../../server/src/http/auth/session-token.js";
import { NOW, SHOP_A, seedTwoShops } from "../http/admin/fixtures.js";
import { withAdminBrowser } from "./admin-browser.js";
import { englishWords } from "./english-words.js";

const MALL = "dangolmall.cafe24.com";
const SCREENS = "/work/notes/screens";

async function seedWithMall(db: Db): Promise<void> {
  await seedTwoShops(db);
  const installedAt = new Date(NOW.getTime() - 30 * 86_400_000).toISOString();
  await db
    .insertInto("shops")
    .values({ shop_domain: MALL, platform: "cafe24", installed_at: installedAt, uninstalled_at: null, settings: "{}" })
    .execute();
}

/** The mall by default; the Shopify shop when the page sends X-Test-Shop: shopify. */
const eitherShop: RequestHandler = (req, res, next) =>
  (req.headers["x-test-shop"] === "shopify" ? demoShopAuth(SHOP_A) : demoShopAuth(MALL))(req, res, next);

const TEXT = {
  en: { url: "Webhook URL", save: "Save", unsaved: "Unsaved changes", show: "Show", https: "Use an https:// address" },
  ko: {
    url: "웹훅 주소",
    save: "저장",
    unsaved: "저장하지 않은 변경 사항",
    show: "보기",
    https: "https:// 주소를 입력하세요",
  },
};

describe("settings: customer events for email and SMS (Chromium)", () => {
  const admin = withAdminBrowser({ seed: seedWithMall, auth: eitherShop });

  async function openSettings(width: number, language: "en" | "ko", shop: "mall" | "shopify" = "mall") {
    const page = await admin.browser.newPage({ viewport: { width, height: 900 }, locale: language });
    if (shop === "shopify") await page.setExtraHTTPHeaders({ "X-Test-Shop": "shopify" });
    // The admin takes its language from the saved setting: the real answer, in the language under test.
    await page.route("**/api/settings", async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      await route.fulfill({ response, json: response.ok() ? { ...body, language } : body });
    });
    await page.goto(`${admin.url}/settings`);
    await page.getByTestId("flow-events-route").waitFor({ timeout: 30_000 });
    return page;
  }

  /** Visible buttons whose label wrapped onto a second line. */
  const wrappedButtons = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll("button")]
        .filter((b) => b.offsetParent !== null && b.textContent?.trim())
        .filter((b) => {
          // A label that wrapped is a text node drawn as more than one line box.
          const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            if (node.textContent?.trim() && range.getClientRects().length > 1) return true;
          }
          return false;
        })
        .map((b) => b.textContent),
    );

  /** Nothing wider than the window, and no button whose label wrapped onto a second line. */
  async function expectFits(page: Page) {
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, win: window.innerWidth }));
    expect(widths.doc).toBeLessThanOrEqual(widths.win);
    expect(await wrappedButtons(page)).toEqual([]);
  }

  // The save bar's button (the product overrides card has a Save button of its own, unlabelled).
  const saveBarSave = (page: Page, name: string) => page.getByLabel(name, { exact: true });
  const screenshot = (page: Page, name: string) => page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });

  it("refuses an http:// URL inline, saves an https one behind the save bar, and shows it after a reload", async () => {
    // English on a desktop, Korean on a phone (the save bar's Korean buttons at 390 px).
    for (const [language, width] of [
      ["en", 1440],
      ["ko", 390],
    ] as const) {
      const text = TEXT[language];
      const page = await openSettings(width, language);
      const url = page.getByRole("textbox", { name: text.url });
      await url.fill("http://hooks.example.kr/dangol");
      await page.getByText(text.unsaved).waitFor();
      await saveBarSave(page, text.save).click();
      await page.getByText(text.https).waitFor();
      expect(await page.getByText(text.unsaved).count()).toBe(1); // still unsaved
      await expectFits(page);
      await screenshot(page, `settings-flow-events-error-${width}-${language}`);

      const saved = `https://hooks.example.kr/${language}`;
      await url.fill(saved);
      expect(await page.getByText(text.https).count()).toBe(0); // the refusal goes with the text it was about
      await saveBarSave(page, text.save).click();
      await page.getByText(text.unsaved).waitFor({ state: "detached" });
      await page.reload();
      await page.getByRole("textbox", { name: text.url }).waitFor();
      await expect.poll(() => page.getByRole("textbox", { name: text.url }).inputValue()).toBe(saved);

      // The secret the server made for the URL: hidden until asked.
      const secret = page.getByTestId("flow-webhook-secret");
      expect(await secret.textContent()).not.toMatch(/[0-9a-f]{64}/);
      await page.getByRole("button", { name: text.show, exact: true }).click();
      await expect.poll(() => secret.textContent()).toMatch(/^[0-9a-f]{64}$/);
      await page.close();
    }
    const stored = await admin.db.db
      .selectFrom("shops")
      .select("settings")
      .where("shop_domain", "=", MALL)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.settings).flowWebhook.url).toBe("https://hooks.example.kr/ko");
  }, 180_000);

  it("fits at 1440 and 390 px in English and Korean, for a Cafe24 mall and a Shopify shop", async () => {
    // The mall has a webhook (and so a secret to show), whichever test ran first.
    const saved = await fetch(`${admin.url}/api/settings`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ flowWebhookUrl: "https://hooks.example.kr/dangol" }),
    });
    expect(saved.status).toBe(200);
    // The wrap check can fail: a Korean label squeezed into one syllable's width is found.
    const probe = await openSettings(1440, "ko");
    await probe.evaluate(() => {
      const b = document.createElement("button");
      b.textContent = "숨기기";
      b.style.width = "1.5em";
      document.querySelector("main")?.append(b);
    });
    expect(await wrappedButtons(probe)).toEqual(["숨기기"]);
    await probe.close();

    for (const shop of ["mall", "shopify"] as const) {
      for (const language of ["en", "ko"] as const) {
        for (const width of [1440, 390]) {
          const page = await openSettings(width, language, shop);
          const route = await page.getByTestId("flow-events-route").textContent();
          if (shop === "shopify") {
            expect(route).toContain("Shopify Flow");
            if (language === "ko") expect(englishWords(route ?? "")).toEqual([]);
            expect(await page.getByRole("textbox", { name: TEXT[language].url }).count()).toBe(0);
          } else {
            await page.getByRole("button", { name: TEXT[language].show, exact: true }).click();
          }
          await page.getByTestId("flow-events-route").scrollIntoViewIfNeeded();
          await expectFits(page);
          await screenshot(page, `settings-flow-events-${shop}-${width}-${language}`);
          await page.close();
        }
      }
    }
  }, 240_000);
});
