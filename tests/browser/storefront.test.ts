import { existsSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XSS_IMG, XSS_SCRIPT } from "../extension/decision-fixtures.js";
import { campaigns, customerIdFor, decideFor, duePrediction, unusedCoupon } from "./engine-fixtures.js";
import {
  CHROMIUM,
  LAYOUT_SHIFT_PROBE,
  launchChromium,
  startPreviewServer,
  type PreviewServer,
} from "./storefront-server.js";

const now = new Date();
const due = { id: customerIdFor("replenishment", false, "due-"), firstName: "Minji" };
const holdout = { id: customerIdFor("replenishment", true, "hold-"), firstName: "Jisoo" };
const holder = { id: customerIdFor("coupon_expiry", false, "coupon-"), firstName: "Hana" };
const evil = { id: customerIdFor("replenishment", false, "xss-"), firstName: XSS_IMG };

const decisions = {
  due: decideFor({ ...due, now, prediction: duePrediction(due.id, now) }),
  holdout: decideFor({ ...holdout, now, prediction: duePrediction(holdout.id, now) }),
  holder: decideFor({ ...holder, now, coupons: [unusedCoupon(now)] }),
  evil: decideFor({
    ...evil,
    now,
    prediction: duePrediction(evil.id, now),
    campaigns: campaigns((c) => {
      c.content.title.en = `Restock ${XSS_SCRIPT}`;
      c.content.cta.en = `Go ${XSS_IMG}`;
    }),
  }),
};

describe.skipIf(!existsSync(CHROMIUM))("storefront preview in Chromium", () => {
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    const customer = (c: { id: string; firstName: string }) => ({
      id: c.id,
      firstName: c.firstName,
      lastName: "Kim",
      email: null,
    });
    server = await startPreviewServer([
      { customer: customer(due), decision: decisions.due, label: { en: "due", ko: "재구매" } },
      { customer: customer(holdout), decision: decisions.holdout, label: { en: "holdout", ko: "홀드아웃" } },
      { customer: customer(holder), decision: decisions.holder, label: { en: "coupon holder", ko: "쿠폰 보유" } },
      { customer: customer(evil), decision: decisions.evil, label: { en: "xss", ko: "xss" } },
    ]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(customerId: string, lang = "en"): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    await page.addInitScript(LAYOUT_SHIFT_PROBE);
    await page.goto(`${server.url}/preview?customer=${encodeURIComponent(customerId)}&lang=${lang}`, {
      waitUntil: "load",
    });
    return page;
  }

  const layoutShift = (page: Page) =>
    page.evaluate(() => (window as unknown as { __dangolShift: number }).__dangolShift);

  it("uses decisions from the real engine: banner for due, none for holdout, notice for the coupon holder", () => {
    expect(decisions.due.banner?.campaign).toBe("replenishment");
    expect(decisions.holdout.banner).toBeNull();
    expect(decisions.holder.notice?.coupon.code).toBe("SAVE10-XYZ");
  });

  it("shows the banner for a due customer and nothing for a holdout customer", async () => {
    const page = await open(due.id);
    await expect.poll(() => page.locator("dangol-slot.dangol-banner").isVisible()).toBe(true);
    expect(await page.locator(".dangol-banner__title").textContent()).toBe("Time to restock Coffee beans?");
    expect(await page.locator("a.dangol-banner__cta").getAttribute("href")).toBe("/cart/4411:1");
    await page.context().close();

    const other = await open(holdout.id);
    expect(await other.locator("h1").isVisible()).toBe(true);
    expect(await other.locator("dangol-slot, .dangol-banner").count()).toBe(0);
    await other.context().close();
  });

  it("speaks Korean with ?lang=ko", async () => {
    const page = await open(due.id, "ko");
    expect(await page.locator(".dangol-banner__title").textContent()).toBe("Coffee beans 다시 채울 때가 됐어요");
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    await page.context().close();
  });

  it("ticks the coupon countdown", async () => {
    const page = await open(holder.id);
    const countdown = page.locator(".dangol-notice .dangol-countdown");
    const first = await countdown.textContent();
    expect(first).toMatch(/^2d 23:\d\d:\d\d$/);
    await page.waitForTimeout(1_200);
    const second = await countdown.textContent();
    expect(second).toMatch(/^2d 23:\d\d:\d\d$/);
    expect(second).not.toBe(first);
    await page.context().close();
  });

  it("keeps the layout still: layout-shift entries sum to 0 while countdowns tick", async () => {
    for (const id of [due.id, holder.id]) {
      const page = await open(id);
      await page.waitForTimeout(1_300);
      expect(await layoutShift(page)).toBe(0);
      await page.context().close();
    }
  });

  it("measures a real shift when content is pushed in late (the probe works)", async () => {
    const page = await open(due.id);
    await page.evaluate(() => {
      const late = document.createElement("div");
      late.style.height = "200px";
      document.querySelector("main")!.prepend(late);
    });
    await expect.poll(() => layoutShift(page)).toBeGreaterThan(0);
    await page.context().close();
  });

  it("remembers a dismissal across reloads, tells the server, and still shifts nothing", async () => {
    server.beacons.length = 0;
    const page = await open(due.id);
    await page.locator(".dangol-banner .dangol-slot__close").click();
    await expect.poll(() => page.locator("dangol-slot.dangol-banner").isVisible()).toBe(false);
    await expect
      .poll(() => server.beacons.some((b) => b.kind === "dismiss" && b.campaign === "replenishment"))
      .toBe(true);

    await page.reload({ waitUntil: "load" });
    expect(await page.locator("dangol-slot.dangol-banner").count()).toBe(1);
    expect(await page.locator("dangol-slot.dangol-banner").isVisible()).toBe(false);
    await page.waitForTimeout(300);
    expect(await layoutShift(page)).toBe(0);
    await page.context().close();
  });

  it("sends impression and click beacons to the app proxy path", async () => {
    server.beacons.length = 0;
    const page = await open(due.id);
    await expect
      .poll(() => server.beacons.filter((b) => b.kind === "impression" && b.campaign === "replenishment").length)
      .toBeGreaterThan(0);
    await page.route("**/cart/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<p>cart</p>" }),
    );
    await page.locator("a.dangol-banner__cta").click();
    await expect
      .poll(() => server.beacons.some((b) => b.kind === "click" && b.campaign === "replenishment"))
      .toBe(true);
    // One page view, one id on all its beacons (the server stores each kind once per page view).
    const views = new Set(server.beacons.map((b) => (b as { pageView?: string }).pageView));
    expect(views.size).toBe(1);
    expect([...views][0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await page.context().close();
  });

  it("renders XSS payloads in merchant text and the customer's name as text", async () => {
    const page = await open(evil.id);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.reload({ waitUntil: "load" });
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll("script:not([src])").length)).toBe(1);
    expect(await page.locator(".dangol-banner__title").textContent()).toBe(`Restock ${XSS_SCRIPT}`);
    expect(await page.locator(".dangol-banner__body").textContent()).toContain(XSS_IMG);
    expect(await page.locator("a.dangol-banner__cta").textContent()).toBe(`Go ${XSS_IMG}`);
    // The picker and header show the name as text too.
    expect(await page.locator(".site-header__account").textContent()).toContain(XSS_IMG);
    await page.context().close();
  });
});
