// Screenshots of a planted month's results page, for the notes: run `npm run cli -- simulate-month --serve` first,
// then `npx tsx tests/experiments/planted-month-screenshot.ts <admin url> <out dir>` once it prints the URL.
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../browser/chromium.js";

const [url = "http://localhost:8090", out = "/tmp"] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}/campaigns/vip_thanks`, { timeout: 120_000 });
  await page
    .getByText(/always-valid|mixture SPRT/i)
    .first()
    .waitFor({ timeout: 120_000 });
  await page.screenshot({ path: `${out}/planted-month-results.png`, fullPage: true });
  console.log(`${out}/planted-month-results.png`);
} finally {
  await browser.close();
}
