import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { SHOP_A } from "../http/admin/fixtures.js";
import { manyCustomers, seedManyCustomers } from "../http/admin/many-customers.js";
import { withAdminBrowser } from "./admin-browser.js";

const VIEWPORTS = [
  { name: "1440", width: 1440, height: 900, isMobile: false },
  { name: "390", width: 390, height: 844, isMobile: true },
];
const ROWS = manyCustomers(SHOP_A, 400);
const count = (n: number) => n.toLocaleString("en-US");

/** Champions and Loyal customers, riskiest first (ties by id): what the list must show after the two steps. */
const expected = ROWS.filter((r) => r.p && ["Champions", "Loyal"].includes(r.p.rfm_group)).sort(
  (a, b) => (b.p?.churn_risk ?? 0) - (a.p?.churn_risk ?? 0) || (a.id < b.id ? -1 : 1),
);

/** Customer names in the order the list shows them (the table at 1440 px, the stacked list at 390). */
async function shownNames(page: Page): Promise<string[]> {
  return page.getByText(/^(Ana|Bo|Cy|Dee|Eun) C\d{3}$/).allInnerTexts();
}

/** Elements sticking out of the screen or scrolling sideways (the page itself included). */
function sideways(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) found.push("page");
    for (const el of document.querySelectorAll<HTMLElement>("[class*='IndexTable'] *")) {
      const scrolls = getComputedStyle(el).overflowX === "auto" && el.scrollWidth > el.clientWidth + 1;
      if (scrolls || el.getBoundingClientRect().right > window.innerWidth + 1) found.push(el.className);
    }
    return found;
  });
}

// The customer list in Chromium over a 400-customer shop: filter by RFM group and sort by churn risk through
// Polaris' IndexFilters, with "1–50 of N" paging; the state lives in the URL (reload and back keep it).
describe("customer list filters in Chromium", () => {
  const admin = withAdminBrowser({ seed: (db) => seedManyCustomers(db, SHOP_A, ROWS) });

  for (const viewport of VIEWPORTS) {
    it(`at ${viewport.name} px: RFM groups Champions + Loyal, sorted by churn risk, 1–50 of ${expected.length}`, {
      timeout: 120_000,
    }, async () => {
      const page = await admin.browser.newPage({
        viewport,
        isMobile: viewport.isMobile,
        hasTouch: viewport.isMobile,
        locale: "en-US",
      });
      page.setDefaultTimeout(20_000);
      await page.goto(`${admin.url}/customers`);
      await page.getByText(`1–50 of ${count(ROWS.length)} customers`).waitFor();

      await page.getByRole("button", { name: "Search and filter results" }).click();
      await page.getByRole("button", { name: "Add filter" }).click();
      await page.locator(".Polaris-Popover").getByText("RFM group", { exact: true }).click();
      await page.getByRole("checkbox", { name: "Champions", exact: true }).check();
      await page.getByRole("checkbox", { name: "Loyal", exact: true }).check();
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "RFM group: Champions, Loyal" }).waitFor();
      await page.getByText(`1–50 of ${expected.length} customers`).waitFor();

      await page.getByRole("button", { name: "Sort the results" }).click();
      await page.locator(".Polaris-Popover").getByText("Churn risk", { exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("churn_risk");
      await page.getByRole("button", { name: "Highest first" }).click();
      // The pressed direction button is the one that says what the list does (Polaris takes asc, then desc).
      await expect
        .poll(() => page.getByRole("button", { name: "Highest first" }).getAttribute("class"))
        .toContain("DirectionButton--active");
      expect(await page.getByRole("button", { name: "Lowest first" }).getAttribute("class")).not.toContain("active");
      await page.getByRole("button", { name: "Sort the results" }).click(); // closes the popover
      await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("churn_risk");
      await expect.poll(() => shownNames(page)).toEqual(expected.slice(0, 50).map((r) => `${r.first} ${r.last}`));
      expect(new URL(page.url()).search).toBe("?rfm=CHAMPIONS%2CLOYAL&sort=churn_risk&direction=desc");
      expect(await sideways(page)).toEqual([]);
      await expect.poll(() => page.locator(".Polaris-Popover").count()).toBe(0);
      await page.screenshot({ path: `/tmp/customer-list-rfm-churn-${viewport.name}.png` });

      // The next page, then reload and back: the URL carries the filter, the sort and the page.
      await page.getByRole("button", { name: "Next" }).click();
      await page.getByText(`51–${expected.length} of ${expected.length} customers`).waitFor();
      await page.reload();
      await page.getByText(`51–${expected.length} of ${expected.length} customers`).waitFor();
      await page.getByRole("button", { name: "RFM group: Champions, Loyal" }).waitFor();
      expect(await shownNames(page)).toEqual(expected.slice(50).map((r) => `${r.first} ${r.last}`));
      await page.goBack();
      await page.getByText(`1–50 of ${expected.length} customers`).waitFor();
      await page.goBack(); // the sort's key, in the direction it had
      await expect.poll(() => new URL(page.url()).searchParams.get("direction")).toBe("asc");
      await page.goBack(); // before the sort
      await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBeNull();
      await page.getByRole("button", { name: "RFM group: Champions, Loyal" }).waitFor();
      await page.close();
    });
  }
});
