// Screenshots of every admin page at 1440 and 390 px in English and Korean, each with its Lighthouse accessibility
// score, for looking at by eye:  npx tsx tests/browser/admin-screens.ts [admin URL, e.g. a running demo]
// Without a URL it serves the seeded test shop. Writes /tmp/screens/<page>-<width>-<language>.png
// (and -partN.png pieces of a tall page).
import { mkdirSync } from "node:fs";
import { chromium, type Page } from "playwright-core";
import { demoShopAuth } from "../../server/src/http/auth/session-token.js";
import { createTestDb } from "../helpers/test-db.js";
import { NOW, seedTwoShops, SHOP_A } from "../http/admin/fixtures.js";
import { ADMIN_PAGES, adminPage, openAdmin, SIZES, type Size } from "./admin-pages.js";
import { CHROMIUM, CHROMIUM_ARGS, serveAdmin } from "./admin-server.js";
import { lighthouseA11y } from "./lighthouse-a11y.js";

const OUT = "/tmp/screens";

async function seededAdmin() {
  const db = await createTestDb();
  await seedTwoShops(db.db);
  const server = await serveAdmin({ db: db.db, dbKind: db.kind, auth: demoShopAuth(SHOP_A), now: () => NOW });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await db.destroy();
    },
  };
}

/** The admin's pages, with a customer of this shop for the customer page (the first of its list). */
async function pagesOf(url: string): Promise<string[]> {
  const { customers } = (await (await fetch(`${url}/api/customers`)).json()) as { customers: { customerId: string }[] };
  return ADMIN_PAGES.map((p) => (p === "/customers/a1" ? `/customers/${customers[0]?.customerId ?? "a1"}` : p));
}

/** A tall page also in pieces of about two screens, small enough to read in an image viewer. */
async function saveTiles(page: Page, file: string) {
  const { width, height } = page.viewportSize() ?? SIZES.desktop;
  const tile = Math.round(height * (width < 600 ? 1.2 : 1.4));
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  if (total <= tile * 1.2) return;
  for (let y = 0, n = 1; y < total; y += tile, n++) {
    const clip = { x: 0, y, width, height: Math.min(tile, total - y) };
    await page.screenshot({ path: `${file}-part${n}.png`, fullPage: true, clip });
  }
}

const given = process.argv[2];
const admin = given ? { url: given.replace(/\/$/, ""), close: async () => {} } : await seededAdmin();
mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const paths = await pagesOf(admin.url);
  for (const size of Object.keys(SIZES) as Size[]) {
    for (const language of ["en", "ko"] as const) {
      const page = await adminPage(browser, language, size);
      for (const path of paths) {
        // Once more if a rebuild of web/dist under a running demo reloaded the page mid-way.
        await openAdmin(page, `${admin.url}${path}`).catch(() => openAdmin(page, `${admin.url}${path}`));
        const name = path === "/" ? "dashboard" : path.slice(1).replaceAll("/", "-");
        const file = `${OUT}/${name}-${SIZES[size].width}-${language}`;
        await page.screenshot({ path: `${file}.png`, fullPage: true });
        await saveTiles(page, file);
        const { score, failures } = await lighthouseA11y(page);
        console.log(`${file}.png accessibility ${score}${failures.map((f) => `\n  ${f}`).join("")}`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await admin.close();
}
