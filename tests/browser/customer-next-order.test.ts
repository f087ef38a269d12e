// The customer page states the next order (issue 12) in Chromium, at desktop and phone widths, in English and
// Korean: a window when an order is likely, "not expected within 90 days" otherwise, inside the summary above the
// fold, agreeing with the chance the prediction card shows. Screenshots go to /tmp/customer-next-order-*.png.
import { describe, expect, it } from "vitest";
import { seedTwoShops } from "../http/admin/fixtures.js";
import { NOW } from "../http/admin/fixtures.js";
import { withAdminBrowser } from "./admin-browser.js";

const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
const VIEWPORTS = [
  { name: "1440", width: 1440, height: 900 },
  { name: "390", width: 390, height: 844 },
];
// NOW is Nov 20, 2026: a window from Nov 23 to Jan 4 crosses the year, so both ends carry it.
const EXPECTED = {
  en: { a1: "Likely between Nov 23, 2026 and Jan 4, 2027", a2: "Not expected within 90 days" },
  ko: { a1: "2026년 11월 23일~2027년 1월 4일 사이일 가능성이 높아요", a2: "90일 안에는 주문이 예상되지 않아요" },
};
const CHANCE = { en: { a1: "72%", a2: "23%" }, ko: { a1: "72%", a2: "23%" } };

describe("next order on the customer page in Chromium", () => {
  const admin = withAdminBrowser({
    seed: async (db) => {
      await seedTwoShops(db);
      const set = (id: string, values: Record<string, unknown>) =>
        db.updateTable("customer_predictions").set(values).where("customer_id", "=", id).execute();
      // Coherent figures (churn = 1 − active, chance ≤ active and ≤ expected orders), unlike the shared fixture's.
      await set("a1", {
        p_active: 0.9,
        churn_risk: 0.1,
        p_order_90d: 0.72,
        expected_orders_90d: 1.3,
        next_order_horizon_days: 90,
        next_order_early: at(3),
        next_order_likely: at(10),
        next_order_late: at(45),
      });
      await set("a2", {
        p_active: 0.4,
        churn_risk: 0.6,
        p_order_90d: 0.23,
        expected_orders_90d: 0.3,
        next_order_horizon_days: 90,
      });
    },
  });

  for (const language of ["en", "ko"] as const) {
    for (const viewport of VIEWPORTS) {
      it(`${language} at ${viewport.name} px: both statements inside the summary, above the fold`, async () => {
        const res = await fetch(`${admin.url}/api/settings`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ language }),
        });
        expect(res.status).toBe(200);
        for (const id of ["a1", "a2"] as const) {
          const page = await admin.browser.newPage({ viewport, locale: "en-US" });
          await page.goto(`${admin.url}/customers/${id}`);
          const statement = page.getByTestId("next-order");
          await statement.waitFor();
          const text = await statement.innerText();
          expect(text).toContain(EXPECTED[language][id]);
          expect(text).toContain(CHANCE[language][id]);
          const box = (await page.getByTestId("customer-summary").boundingBox())!;
          expect(box.y + box.height).toBeLessThan(viewport.height);
          // Nothing spills out of the summary at a phone's width.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          await page.screenshot({ path: `/tmp/customer-next-order-${id}-${language}-${viewport.name}.png` });
          await page.close();
        }
      });
    }
  }
});
