import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { demoShopAuth } from "../../server/src/http/auth/session-token.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { NOW, seedTwoShops, SHOP_A } from "../http/admin/fixtures.js";
import { CHROMIUM, CHROMIUM_ARGS, ensureWebBuild, serveAdmin } from "./admin-server.js";
import { ADMIN_PAGES, adminPage, openAdmin } from "./admin-pages.js";
import { lighthouseA11y } from "./lighthouse-a11y.js";

// Lighthouse's accessibility category (its gatherer, audits and weights) on every admin page, in English and
// Korean, at desktop and phone size. It scored 90-93 before: ARIA list children in charts, heading order, names.
describe("admin accessibility (Lighthouse's audits)", () => {
  let db: TestDb;
  let browser: Browser;
  let demo: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    ensureWebBuild();
    db = await createTestDb();
    await seedTwoShops(db.db);
    demo = await serveAdmin({ db: db.db, dbKind: db.kind, auth: demoShopAuth(SHOP_A), now: () => NOW });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await db?.destroy();
  });

  for (const size of ["desktop", "phone"] as const) {
    for (const language of ["en", "ko"] as const) {
      it(`scores 100 on every page (${language}, ${size})`, { timeout: 120_000 }, async () => {
        const page = await adminPage(browser, language, size);
        const found: Record<string, string[]> = {};
        for (const path of ADMIN_PAGES) {
          await openAdmin(page, `${demo.url}${path}`);
          const { score, failures } = await lighthouseA11y(page);
          if (score < 100) found[`${path} ${score}`] = failures;
        }
        await page.close();
        expect(found).toEqual({});
      });
    }
  }
});
