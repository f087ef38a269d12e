import { describe, expect, it } from "vitest";
import { withAdminBrowser } from "./admin-browser.js";
import type { Page, Response } from "playwright-core";
import { sessionToken, SHOP_A, SHOP_B } from "../http/admin/fixtures.js";

// The built admin UI in real Chromium, against a real seeded database: standalone (demo) and embedded (session tokens).
describe("admin UI in Chromium", () => {
  const admin = withAdminBrowser({ embedded: true });

  async function open(url: string, init?: (page: Page) => Promise<unknown>): Promise<Page> {
    const page = await admin.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: "en-US" });
    await init?.(page);
    await page.goto(url);
    return page;
  }

  it("renders the dashboard with the shop's data (standalone demo mode)", async () => {
    const page = await open(admin.url);
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await page.getByText("Repeat-purchase rate").waitFor();
    const body = await page.locator("body").innerText();
    expect(body).toContain("66.7%"); // 2 of 3 customers repeat
    expect(body).toContain("50.0%"); // 90-day retention
    expect(body).toContain("Jane Kim"); // due this week
    expect(body).toContain("buys every 40 ± 8 days (Jane)");
    expect(body).not.toContain("Secret Bob");
    expect(await page.getByTestId("segment-grid").getByRole("button").count()).toBeGreaterThan(0);
    await page.screenshot({ path: "/tmp/admin-dashboard-en.png", fullPage: true });
    await page.close();
  });

  it("shows a customer's own chance of ordering in the next 90 days", async () => {
    const page = await open(`${admin.url}/customers/a1`);
    await page.getByText("Chance of an order in 90 days").waitFor();
    expect(await page.locator("body").innerText()).toMatch(/Chance of an order in 90 days\s+42(\.0)?\s?%/);
    await page.close();
  });

  it("switches the whole UI to Korean from the settings page, and keeps it", async () => {
    const page = await open(`${admin.url}/settings`);
    await page.getByRole("heading", { name: "Sync and settings", level: 1 }).waitFor();
    await page.getByRole("combobox", { name: "Language" }).selectOption("ko");
    await page.getByRole("heading", { name: "동기화 및 설정", level: 1 }).waitFor();
    await page.getByRole("link", { name: "대시보드" }).click();
    await page.getByText("재구매율").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    await page.screenshot({ path: "/tmp/admin-dashboard-ko.png", fullPage: true });
    // Saved server-side: a fresh page load comes up in Korean.
    await page.reload();
    await page.getByRole("heading", { name: "대시보드", level: 1 }).waitFor();
    await page.goto(`${admin.url}/settings`);
    await page.getByRole("combobox", { name: "언어" }).selectOption("en");
    await page.getByRole("heading", { name: "Sync and settings", level: 1 }).waitFor();
    await page.close();
  });

  it("embedded: authenticates with App Bridge session tokens and shows only its shop", async () => {
    const token = await sessionToken(SHOP_A, { exp: Math.floor(Date.now() / 1000) + 600 });
    const page = await open(`${admin.embeddedUrl}/customers`, (p) =>
      p.addInitScript((t) => {
        (window as unknown as { shopify: unknown }).shopify = {
          idToken: async () => t,
          config: { shop: "alpha.myshopify.com", locale: "en" },
        };
      }, token),
    );
    await page.getByText("Jane Kim").waitFor();
    const body = await page.locator("body").innerText();
    expect(body).toContain("Sarah Park");
    expect(body).not.toContain("Secret Bob");
    // Shop A's token asking for shop B's customer directly.
    const status = await page.evaluate(
      async (t) => (await fetch("/api/customers/b1", { headers: { Authorization: `Bearer ${t}` } })).status,
      token,
    );
    expect(status).toBe(404);
    await page.close();
  });

  it("embedded: a forged or expired token gets 401 and the page says so", async () => {
    const forged = await sessionToken(SHOP_B, {}, "forged-secret");
    const now = Math.floor(Date.now() / 1000);
    const expired = await sessionToken(SHOP_A, { exp: now - 120, nbf: now - 180, iat: now - 180 });
    for (const token of [forged, expired]) {
      // Listen before navigating: the dashboard request can finish before goto() resolves.
      let dashboard: Promise<Response> | undefined;
      const page = await open(admin.embeddedUrl, async (p) => {
        dashboard = p.waitForResponse((r) => r.url().endsWith("/api/dashboard"));
        await p.addInitScript((t) => {
          (window as unknown as { shopify: unknown }).shopify = { idToken: async () => t, config: { locale: "en" } };
        }, token);
      });
      const response = await dashboard!;
      expect(response.status()).toBe(401);
      await page.getByText(/Something went wrong/).waitFor();
      await page.close();
    }
  });
});
