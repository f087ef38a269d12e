// A store of N customers and about N × M orders for the recompute benches, written by the sqlite3 CLI (recursive
// CTEs), and the real recompute path on it: database → streamed fit and predictions on the worker → predictions
// stored → the real decision publisher writing every customer's metafield to the in-memory fake platform (its
// metafield call counted, not kept). A store of 100,000 customers or more is kept under the OS temp dir, keyed by
// its size, this generator and the migrations, and copied for each run (the benches write to it).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../../server/src/db/create-db.js";
import { migrateToLatest } from "../../server/src/db/migrate.js";
import { createDecisionPublisher, predictionsFromDb } from "../../server/src/services/decision-publisher.service.js";
import { deletePublishPage } from "../../server/src/db/repositories/publish-page.repository.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import { createFakePlatform, FAKE_SHOPIFY_CAPABILITIES } from "../helpers/fake-platform.js";
import { installedOn } from "../helpers/platforms.js";

export const SHOP = "scale.myshopify.com";
export const NOW = new Date("2026-06-01T12:00:00Z");
const CACHED_FROM_CUSTOMERS = 100_000;

function sqlite3(filename: string, script: string): string {
  const run = spawnSync("sqlite3", [filename], { input: script, encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`sqlite3 CLI failed: ${run.stderr}`);
  return run.stdout;
}

/**
 * The rows, in the order the earlier generator wrote them (same rowids, same data). Fast because the file is
 * throw-away until it is complete: no journal, no fsync, a 1 GB page cache (the primary keys' random inserts stay in
 * memory), and the secondary indexes dropped before and rebuilt after (one sort each instead of 10 M B-tree inserts).
 */
function generationScript(customers: number, meanOrders: number, indexes: string[]): string {
  const now = Math.floor(NOW.getTime() / 1000);
  const spread = 2 * meanOrders - 1;
  const names = indexes.map((sql) => /CREATE INDEX "([^"]+)"/.exec(sql)?.[1]);
  return `
PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY;
BEGIN;
${names.map((name) => `DROP INDEX "${name}";`).join("\n")}
WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < ${customers - 1})
INSERT INTO customers (shop_domain, customer_id, first_name, created_at, updated_at)
SELECT '${SHOP}', printf('c%07d', i), 'Mina', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z' FROM c;
WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < ${customers - 1}),
k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < ${spread - 1}),
o(i, j, at) AS (SELECT i, j, ${now} - (j * (7 + i % 50) + i % 13) * 86400 - 3600 FROM c JOIN k ON j < 1 + (i * 7919) % ${spread})
INSERT INTO orders (shop_domain, order_id, customer_id, processed_at, updated_at, total_price, currency)
SELECT '${SHOP}', 'o' || i || '-' || j, printf('c%07d', i), strftime('%Y-%m-%dT%H:%M:%fZ', at, 'unixepoch'),
  strftime('%Y-%m-%dT%H:%M:%fZ', at, 'unixepoch'), 20 + (i % 7) * 3 + j % 5, 'KRW' FROM o;
INSERT INTO order_lines (shop_domain, order_id, line_no, product_id, title, quantity, price)
SELECT shop_domain, order_id, 0, 'p' || (CAST(substr(customer_id, 2) AS INTEGER) % 40), 'Product', 1 + (rowid % 4 = 0), 20
FROM orders WHERE shop_domain = '${SHOP}';
INSERT INTO order_lines (shop_domain, order_id, line_no, product_id, title, quantity, price)
SELECT shop_domain, order_id, 1, 'q' || (rowid % 80), 'Other', 1, 5 FROM orders WHERE shop_domain = '${SHOP}' AND rowid % 3 = 0;
${indexes.map((sql) => `${sql};`).join("\n")}
COMMIT;`;
}

async function generate(filename: string, customers: number, meanOrders: number) {
  const migrated = createDb({ kind: "sqlite", filename });
  await migrateToLatest(migrated.db);
  await migrated.db.destroy();
  const indexes = sqlite3(
    filename,
    "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('customers', 'orders', 'order_lines');",
  )
    .split("\n")
    .filter(Boolean);
  sqlite3(filename, generationScript(customers, meanOrders, indexes));
}

/** Customers c0000000…, 1 to 2M − 1 orders each (mean M), one line per order and a second on every third. */
export async function benchStore(customers: number, meanOrders: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dangol-recompute-bench-"));
  const filename = path.join(dir, "store.sqlite");
  let source = "generated";
  if (customers < CACHED_FROM_CUSTOMERS) await generate(filename, customers, meanOrders);
  else {
    const key = createHash("sha256")
      .update(generationScript(customers, meanOrders, []))
      .update(readFileSync(path.join(import.meta.dirname, "../../server/src/db/migrations.lock.json")))
      .digest("hex")
      .slice(0, 12);
    const cached = path.join(os.tmpdir(), `dangol-bench-store-${customers}x${meanOrders}-${key}.sqlite`);
    if (!existsSync(cached)) {
      rmSync(`${cached}.partial`, { force: true });
      await generate(`${cached}.partial`, customers, meanOrders);
      renameSync(`${cached}.partial`, cached);
      source = `generated into ${cached}, copied`;
    } else source = `copied from ${cached}`;
    copyFileSync(cached, filename);
  }
  const orders = Number(sqlite3(filename, "SELECT count(*) FROM orders;").trim());
  return { dir, filename, orders, source };
}

export const SHOPIFY_LIKE = { ...FAKE_SHOPIFY_CAPABILITIES, customerSegmentMetafields: true };

/** The app's recompute wired to the real publisher, as main.ts wires them (a full recompute republishes the shop). */
export async function realPath(filename: string) {
  const handle = createDb({ kind: "sqlite", filename });
  // Shopify's segment editor takes the segment fields: the publisher writes them beside the decision, as it does there.
  const fake = createFakePlatform({ capabilities: SHOPIFY_LIKE });
  fake.install(SHOP, { customers: [] });
  let metafields = 0;
  const platform = {
    ...fake.platform,
    setCustomerMetafields: async (_shop: string, written: unknown[]) => {
      metafields += written.length;
      return { rejected: [] };
    },
  };
  const platforms = await installedOn(handle.db, platform, [SHOP]);
  const publisher = createDecisionPublisher({
    db: handle.db,
    platforms,
    loadPredictions: predictionsFromDb(handle.db),
    now: () => NOW,
    log: (m) => console.error(m),
  });
  // Each recompute page is published as its publish-page job would, inline (the real path, minus the queue).
  const recompute = createRecomputeService({
    db: handle.db,
    clock: () => NOW,
    log: () => {},
    publishPages: {
      enqueue: async (page) => {
        await publisher.publishRange(page.shop, page.afterId, page.throughId);
        await deletePublishPage(handle.db, page.id);
      },
    },
  });
  return { handle, recompute, metafields: () => metafields };
}
