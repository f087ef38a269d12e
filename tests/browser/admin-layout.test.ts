import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { CohortRow, DashboardResponse } from "../../server/src/contracts/admin-api.js";
import { adminPage, openAdmin, type Size } from "./admin-pages.js";
import { withAdminBrowser } from "./admin-browser.js";

/** A year of monthly cohorts, as a shop a year old has: each row one month shorter, its last month partial. */
function yearOfCohorts(): CohortRow[] {
  return Array.from({ length: 12 }, (_, i) => {
    const months = 11 - i;
    return {
      cohort: `2026-${String(i + 1).padStart(2, "0")}`,
      size: 1000 + i * 37,
      retention: Array.from({ length: months }, (_, k) => (k + 1 === months ? 0.01 : 0.12 + ((i + k) % 5) * 0.05)),
      partialMonth: months > 0 ? months : null,
    };
  });
}

/** Where the top bar's name and menu button sit against the bar. */
function topBarCentres(page: Page) {
  return page.evaluate(() => {
    const centre = (el: Element | null) => {
      const r = el?.getBoundingClientRect();
      return r && r.height > 0 ? Math.round(r.top + r.height / 2) : null;
    };
    return {
      bar: centre(document.querySelector(".Polaris-TopBar")),
      name: centre(document.querySelector(".dangol-TopBarName span")),
      menu: centre(document.querySelector(".Polaris-TopBar__NavigationIcon")),
    };
  });
}

/** The cohort table's scroll box against the screen, before and after scrolling it to its end. */
function cohortBox(page: Page) {
  return page.evaluate(() => {
    const box = document.querySelector<HTMLElement>("[data-testid='cohort-scroll']");
    const table = document.querySelector<HTMLElement>("[data-testid='cohort-grid']");
    if (!box || !table) return null;
    const boxRect = box.getBoundingClientRect();
    box.scrollLeft = box.scrollWidth;
    const cells = table.querySelectorAll("thead th");
    const firstColumn = cells[0].getBoundingClientRect();
    const lastColumn = cells[cells.length - 1].getBoundingClientRect();
    const result = {
      fits: box.scrollWidth <= box.clientWidth + 1,
      scrolls: getComputedStyle(box).overflowX === "auto",
      boxInsideScreen: boxRect.left >= 0 && boxRect.right <= window.innerWidth + 1,
      pageScrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
      // Scrolled to the end: the last month is inside the box and the cohort column has stayed at its left edge.
      lastColumnReachable: lastColumn.right <= boxRect.right + 1 && lastColumn.left >= boxRect.left,
      cohortColumnHeld: Math.abs(firstColumn.left - boxRect.left) <= 4,
    };
    box.scrollLeft = 0;
    return result;
  });
}

// Layout defects seen in screenshots of every admin page at 1440 and 390 px in English and Korean.
describe("admin layout at 1440 and 390 px", () => {
  const admin = withAdminBrowser();

  async function dashboard(language: "en" | "ko", size: Size): Promise<Page> {
    const page = await adminPage(admin.browser, language, size);
    await page.route("**/api/dashboard", async (route) => {
      const body = (await (await route.fetch()).json()) as DashboardResponse;
      await route.fulfill({ json: { ...body, cohorts: yearOfCohorts() } });
    });
    await openAdmin(page, admin.url);
    return page;
  }

  for (const language of ["en", "ko"] as const) {
    it(`1440 px (${language}): the top bar's name is centred in the bar, a year of cohorts fits its card`, async () => {
      const page = await dashboard(language, "desktop");
      const centres = await topBarCentres(page);
      expect(centres.name).not.toBeNull();
      expect(Math.abs((centres.name ?? 0) - (centres.bar ?? 0))).toBeLessThanOrEqual(1);
      expect(await cohortBox(page)).toMatchObject({ fits: true, pageScrollsSideways: false });
      await page.close();
    });

    it(`390 px (${language}): menu button and name centred, the cohort table scrolls inside its card`, async () => {
      const page = await dashboard(language, "phone");
      const centres = await topBarCentres(page);
      expect(centres.menu).not.toBeNull();
      expect(centres.name).not.toBeNull();
      expect(Math.abs((centres.menu ?? 0) - (centres.bar ?? 0))).toBeLessThanOrEqual(1);
      expect(Math.abs((centres.name ?? 0) - (centres.bar ?? 0))).toBeLessThanOrEqual(1);
      expect(await cohortBox(page)).toEqual({
        fits: false,
        scrolls: true,
        boxInsideScreen: true,
        pageScrollsSideways: false,
        lastColumnReachable: true,
        cohortColumnHeld: true,
      });
      await page.close();
    });
  }
});
