// Backfill ingest rate: orders + lines streamed from a completed bulk export (JSONL over HTTP from the store
// simulator, parsed, indexed by __parentId, mapped) and upserted into SQLite, versus the sqlite3 CLI's
// `.import` of the same rows into the same migrated schema. Prints `ratio backfill_vs_sqlite_cli <x>`
// (> 1 means we ingest faster than the CLI; expect well below 1).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { LogSeverity } from "@shopify/shopify-api";
import { createDb } from "../../server/src/db/create-db.js";
import { migrateToLatest } from "../../server/src/db/migrate.js";
import * as orders from "../../server/src/db/repositories/order.repository.js";
import { executeInsert } from "../../server/src/db/repositories/compiled-insert.js";
import type { Db } from "../../server/src/db/database.js";
import { exclusionReason, type Order } from "../../server/src/domain/orders/order.js";
import { createShopifyStack } from "../../server/src/platforms/shopify/shopify-stack.js";
import { routeShopTo } from "../../server/src/platforms/shopify/shop-routing.js";
import { startSimulator } from "../../server/src/simulator/index.js";

const SHOP = "bench.myshopify.com";
const APP = { apiKey: "bench", apiSecret: "bench-secret" };
const dir = mkdtempSync(path.join(os.tmpdir(), "dangol-bench-"));

async function migratedDb(name: string) {
  const handle = createDb({ kind: "sqlite", filename: path.join(dir, name) });
  await migrateToLatest(handle.db);
  return handle;
}

const sim = await startSimulator({
  app: APP,
  bulkDelayMs: 10,
  shops: [{ domain: SHOP, seed: { until: new Date("2010-02-01T00:00:00Z") } }],
});
const ours = await migratedDb("ours.sqlite");
const stack = createShopifyStack(ours.db, {
  ...APP,
  appUrl: "http://127.0.0.1",
  scopes: [],
  logLevel: LogSeverity.Error,
});
routeShopTo(SHOP, sim.url);
await stack.tokens.exchange(SHOP, sim.mintSessionToken(SHOP));
const { id } = await stack.platform.startBulkExport(SHOP, {});
while ((await stack.platform.getBulkExport(SHOP, id)).state === "running") await new Promise((r) => setTimeout(r, 50));

// Ours: the same loop the sync service runs (batches of 500 in one transaction each).
const all: Order[] = [];
const t0 = performance.now();
let batch: Order[] = [];
for await (const order of stack.platform.readBulkExport(SHOP, id)) {
  all.push(order);
  batch.push(order);
  if (batch.length === 500) {
    await orders.upsertOrders(ours.db, SHOP, batch);
    batch = [];
  }
}
await orders.upsertOrders(ours.db, SHOP, batch);
const oursMs = performance.now() - t0;
const rows = all.length + all.reduce((n, o) => n + o.lines.length, 0);

// Baseline: the sqlite3 CLI importing the same rows as CSV into the same schema.
const csv = (v: unknown) => (v === null ? "" : typeof v === "string" ? `"${v.replace(/"/g, '""')}"` : String(v));
const orderCsv = all
  .map((o) =>
    [
      SHOP,
      o.id,
      o.customerId,
      null,
      o.processedAt.toISOString(),
      o.updatedAt.toISOString(),
      o.cancelledAt?.toISOString() ?? null,
      o.test ? 1 : 0,
      o.totalPrice,
      o.refundedTotal,
      o.currency,
      JSON.stringify(o.discountCodes),
      exclusionReason(o),
    ]
      .map(csv)
      .join(","),
  )
  .join("\n");
const lineCsv = all
  .flatMap((o) =>
    o.lines.map((l, i) => [SHOP, o.id, i, l.productId, l.variantId, l.title, l.quantity, l.price].map(csv).join(",")),
  )
  .join("\n");
writeFileSync(path.join(dir, "orders.csv"), `${orderCsv}\n`);
writeFileSync(path.join(dir, "lines.csv"), `${lineCsv}\n`);
const cli = await migratedDb("cli.sqlite");
await cli.db.destroy();
const script = `.mode csv\nBEGIN;\n.import ${path.join(dir, "orders.csv")} orders\n.import ${path.join(dir, "lines.csv")} order_lines\nCOMMIT;\n`;
const t1 = performance.now();
const run = spawnSync("sqlite3", [path.join(dir, "cli.sqlite")], { input: script, encoding: "utf8" });
const cliMs = performance.now() - t1;
if (run.status !== 0) throw new Error(`sqlite3 CLI failed: ${run.stderr}`);

console.log(
  `rows ${rows} (${all.length} orders); ours ${oursMs.toFixed(0)} ms (${Math.round(rows / (oursMs / 1000))} rows/s), sqlite3 CLI ${cliMs.toFixed(0)} ms (${Math.round(rows / (cliMs / 1000))} rows/s)`,
);
console.log(`ratio backfill_vs_sqlite_cli ${(cliMs / oursMs).toFixed(3)}`);

// The same order lines inserted by the repository (each INSERT shape compiled once, compiled-insert.ts) versus
// Kysely building and compiling every chunk, as the repository did before; same chunks, same fresh schema, three
// alternating rounds. Measured in process CPU (this thread and SQLite's), which a loaded machine distorts less
// than wall time.
const lineRows = all.flatMap((o) =>
  o.lines.map((l, i) => ({
    shop_domain: SHOP,
    order_id: o.id,
    line_no: i,
    product_id: l.productId,
    variant_id: l.variantId,
    title: l.title,
    quantity: l.quantity,
    price: l.price,
  })),
);
async function timeLineInserts(name: string, insert: (db: Db, chunk: typeof lineRows) => Promise<unknown>) {
  const { db } = await migratedDb(name);
  const started = process.cpuUsage();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < lineRows.length; i += 800) await insert(trx, lineRows.slice(i, i + 800));
  });
  const used = process.cpuUsage(started);
  await db.destroy();
  return (used.user + used.system) / 1000;
}
let builderMs = 0;
let compiledMs = 0;
for (let round = 0; round < 3; round++) {
  builderMs += await timeLineInserts(`builder-${round}.sqlite`, (db, chunk) =>
    db.insertInto("order_lines").values(chunk).execute(),
  );
  compiledMs += await timeLineInserts(`compiled-${round}.sqlite`, (db, chunk) =>
    executeInsert(db, "bench order lines", chunk, (values) => db.insertInto("order_lines").values(values)),
  );
}
console.log(
  `order lines ${lineRows.length} × 3: compiled once ${compiledMs.toFixed(0)} ms CPU, Kysely builder per chunk ${builderMs.toFixed(0)} ms CPU`,
);
console.log(`ratio line_insert_compiled_vs_builder ${(builderMs / compiledMs).toFixed(3)}`);
await ours.db.destroy();
await sim.close();
