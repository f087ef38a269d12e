import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { seedTwoShops, SHOP_A } from "../http/admin/fixtures.js";
import { FREQUENT_BUYER, FREQUENT_ORDERS, frequentOrder, seedFrequentBuyer } from "../http/admin/frequent-buyer.js";
import { withAdminBrowser } from "./admin-browser.js";

const VIEWPORTS = [
  { name: "1440", width: 1440, height: 900 },
  { name: "390", width: 390, height: 844 },
];
const MAX_PAGE_HEIGHT = 3000;

const LABELS = {
  en: ["Total spent", "Orders", "Average order", "First order", "Last order", "Segment", "Due window"],
  ko: ["총 구매 금액", "주문 수", "평균 주문 금액", "첫 주문", "최근 주문", "고객 구분", "재구매 예상 기간"],
};

// A frequent buyer (240 orders, 4 lines each) used to give a 50,734 px page with the summary at the bottom.
describe("customer page of a frequent buyer in Chromium", () => {
  const counted = Array.from({ length: FREQUENT_ORDERS }, (_, i) => frequentOrder(i)).filter((o) => !o.cancelled);
  const spent = counted.reduce((s, o) => s + o.total - o.refunded, 0);
  const admin = withAdminBrowser({
    seed: async (db) => {
      await seedTwoShops(db);
      await seedFrequentBuyer(db, SHOP_A);
    },
  });

  async function setLanguage(language: "en" | "ko") {
    const res = await fetch(`${admin.url}/api/settings`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ language }),
    });
    expect(res.status).toBe(200);
  }

  async function openCustomer(viewport: { width: number; height: number }): Promise<Page> {
    const page = await admin.browser.newPage({ viewport, locale: "en-US" });
    await page.goto(`${admin.url}/customers/${FREQUENT_BUYER}`);
    await page.getByTestId("customer-summary").waitFor();
    await page.getByTestId("timeline-order").first().waitFor();
    return page;
  }

  for (const language of ["en", "ko"] as const) {
    for (const viewport of VIEWPORTS) {
      it(`${language} at ${viewport.name} px: the whole summary above the fold, a bounded page, a paged timeline`, async () => {
        await setLanguage(language);
        const page = await openCustomer(viewport);
        const summary = page.getByTestId("customer-summary");
        const box = (await summary.boundingBox())!;
        expect(box.y + box.height).toBeLessThan(viewport.height);
        const text = await summary.innerText();
        for (const label of LABELS[language]) expect(text, label).toContain(label);
        const money = (n: number) =>
          new Intl.NumberFormat(language === "en" ? "en-US" : "ko-KR", {
            style: "currency",
            currency: "USD",
            maximumFractionDigits: 0,
          }).format(n);
        expect(text).toContain(money(spent));
        expect(text).toContain(money(spent / counted.length));
        expect(text).toContain(String(counted.length));
        expect(text).toContain("2023"); // first order, years back
        expect(text).toContain("2027"); // the window ends next year, so it says which
        expect(await page.getByTestId("timeline-order").count()).toBe(10);
        expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(MAX_PAGE_HEIGHT);
        await page.screenshot({ path: `/tmp/customer-page-${language}-${viewport.name}.png`, fullPage: true });
        await page.close();
      });
    }
  }

  it("pages the timeline newest first and opens an order's lines on request", async () => {
    await setLanguage("en");
    const page = await openCustomer({ width: 1440, height: 900 });
    const orders = page.getByTestId("timeline-order");
    expect(await orders.first().innerText()).toContain(frequentOrder(FREQUENT_ORDERS - 1).name);
    await page.getByText(`1–10 of ${FREQUENT_ORDERS} orders`).waitFor();
    expect(await orders.first().innerText()).not.toContain("Ceramic dripper"); // lines collapsed
    expect(await orders.first().innerText()).toContain("4 products · 10 units");
    await orders.first().getByRole("button", { name: "Show items" }).click();
    await orders.first().getByText("4 × Ceramic dripper").waitFor();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText(`11–20 of ${FREQUENT_ORDERS} orders`).waitFor();
    expect(await orders.first().innerText()).toContain(frequentOrder(FREQUENT_ORDERS - 11).name);
    expect(await orders.count()).toBe(10);
    await page.close();
  });
});
