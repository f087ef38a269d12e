import { beforeAll, describe, expect, it } from "vitest";
import { campaignApi, withAdminBrowser } from "./admin-browser.js";
import type { Page } from "playwright-core";
import { englishWords } from "./english-words.js";

// Every admin page in Korean, as Chromium renders it (charts' SVG labels and aria labels included): no English word
// is left but the ones english-words.ts allows.

const PAGES = [
  { path: "/", ready: "재구매율" },
  { path: "/customers", ready: "Jane Kim" },
  { path: "/customers/a1", ready: "요약" },
  { path: "/customers/a2", ready: "요약" },
  { path: "/campaigns", ready: "재구매 알림" },
  { path: "/campaigns/win_back", ready: "스토어 미리보기" },
  { path: "/campaigns/vip_thanks", ready: "스토어 미리보기" },
  { path: "/settings", ready: "동기화 및 설정" },
];

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll("svg text, svg title")) parts.push(el.textContent ?? "");
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder]"))
      for (const name of ["aria-label", "title", "placeholder"]) parts.push(el.getAttribute(name) ?? "");
    return parts.join("\n");
  });
}

describe("admin in Korean has no English left (Chromium)", () => {
  const admin = withAdminBrowser({ mounts: (db) => [campaignApi(db, { predictions: true })] });
  beforeAll(async () => {
    const res = await fetch(`${admin.url}/api/settings`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ language: "ko" }),
    });
    expect(res.status).toBe(200);
  });

  it("finds English words where they are (the check itself)", () => {
    expect(englishWords("이탈 위험 · At risk, 코드 WELCOME10, jane@alpha.myshopify.com, {first_name}님")).toEqual([
      "At",
      "risk",
    ]);
    expect(englishWords("최우수 고객 · RFM 그룹 · US$12.30 · 캠페인 win_back")).toEqual(["win_back"]);
    expect(englishWords("링크 /collections/all · https://shop.example/a · 09:00 UTC · 사용 가능/Active")).toEqual([
      "Active",
    ]);
  });

  // polaris-viz estimates every Hangul glyph as wide as a "W": under vertical bars 1,040-1,200 px wide it cut
  // "주기대로 구매" to "주…". Each state's name must be drawn whole and unclipped at every width.
  it("draws the dashboard chart's Korean labels whole at every width", async () => {
    const labels = ["주기대로 구매", "구매 지연", "구매 중단"];
    for (const width of [390, 768, 1040, 1120, 1200, 1440]) {
      const page = await admin.browser.newPage({ viewport: { width, height: 1000 }, locale: "ko-KR" });
      await page.goto(admin.url);
      await page.getByText("고객 구성").first().waitFor({ timeout: 60_000 });
      await page.waitForLoadState("networkidle");
      const drawn = await page.evaluate(() =>
        [...document.querySelectorAll("svg text, svg foreignObject div")].map((e) => ({
          text: (e.textContent ?? "").trim(),
          clipped: e instanceof HTMLElement && e.scrollWidth > e.clientWidth + 1,
        })),
      );
      await page.close();
      const texts = drawn.map((d) => d.text);
      expect(
        texts.filter((t) => t.includes("…")),
        `truncated at ${width} px`,
      ).toEqual([]);
      for (const label of labels) expect(texts, `${label} at ${width} px`).toContain(label);
      expect(
        drawn.filter((d) => d.clipped).map((d) => d.text),
        `clipped at ${width} px`,
      ).toEqual([]);
    }
  }, 180_000);

  for (const { path, ready } of PAGES) {
    it(`${path} reads in Korean`, async () => {
      const page = await admin.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: "ko-KR" });
      await page.goto(`${admin.url}${path}`);
      await page.getByText(ready).first().waitFor({ timeout: 60_000 });
      await page.waitForLoadState("networkidle");
      const english = englishWords(await visibleText(page));
      await page.close();
      expect(english.join(" "), `English on ${path}`).toBe("");
    }, 90_000);
  }
});
