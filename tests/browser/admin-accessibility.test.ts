import { describe, expect, it } from "vitest";
import { withAdminBrowser } from "./admin-browser.js";
import { ADMIN_PAGES, adminPage, openAdmin } from "./admin-pages.js";
import { lighthouseA11y } from "./lighthouse-a11y.js";

// Lighthouse's accessibility category (its gatherer, audits and weights) on every admin page, in English and
// Korean, at desktop and phone size. It scored 90-93 before: ARIA list children in charts, heading order, names.
describe("admin accessibility (Lighthouse's audits)", () => {
  const admin = withAdminBrowser();

  for (const size of ["desktop", "phone"] as const) {
    for (const language of ["en", "ko"] as const) {
      it(`scores 100 on every page (${language}, ${size})`, { timeout: 120_000 }, async () => {
        const page = await adminPage(admin.browser, language, size);
        const found: Record<string, string[]> = {};
        for (const path of ADMIN_PAGES) {
          await openAdmin(page, `${admin.url}${path}`);
          const { score, failures } = await lighthouseA11y(page);
          if (score < 100) found[`${path} ${score}`] = failures;
        }
        await page.close();
        expect(found).toEqual({});
      });
    }
  }
});
