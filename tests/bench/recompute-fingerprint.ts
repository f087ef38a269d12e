// A fingerprint of what a full recompute stores and publishes on a fixed store, so a faster recompute can be shown
// to change nothing: every stored prediction, published decision, campaign event (ids aside), arm assignment and
// every metafield the publisher writes (and clears), over two runs (the second republishes only what changed).
// Campaigns with banners are on, a seventh of the customers visited, the platform takes segment fields.
// node --import tsx tests/bench/recompute-fingerprint.ts [customers]
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { createDb } from "../../server/src/db/create-db.js";
import { saveCampaign } from "../../server/src/db/repositories/campaign.repository.js";
import { deletePublishPage } from "../../server/src/db/repositories/publish-page.repository.js";
import { defaultCampaigns } from "../../server/src/domain/campaigns/presets.js";
import type { CustomerMetafield, CustomerMetafieldRef } from "../../server/src/platforms/commerce-platform.js";
import { createDecisionPublisher, predictionsFromDb } from "../../server/src/services/decision-publisher.service.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import { createFakePlatform, FAKE_SHOPIFY_CAPABILITIES } from "../helpers/fake-platform.js";
import { installedOn } from "../helpers/platforms.js";
import { benchStore, NOW, SHOP } from "./recompute-bench-store.js";

const customers = Number(process.argv[2] ?? 3000);
const store = await benchStore(customers, 6);
const sql = (script: string) => {
  const run = spawnSync("sqlite3", [store.filename], { input: script, encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
};
sql(`INSERT INTO campaign_events (id, shop_domain, customer_id, campaign_key, kind, holdout, order_id, occurred_at)
SELECT 'visit-' || customer_id, shop_domain, customer_id, NULL, 'visit', 0, NULL,
  strftime('%Y-%m-%dT%H:%M:%fZ', ${NOW.getTime() / 1000} - (rowid % 40) * 86400, 'unixepoch')
FROM customers WHERE rowid % 7 = 0;`);

const handle = createDb({ kind: "sqlite", filename: store.filename });
for (const preset of defaultCampaigns())
  if (preset.key === "replenishment" || preset.key === "vip_thanks")
    await saveCampaign(handle.db, SHOP, { ...preset, enabled: true }, NOW);
const fake = createFakePlatform({ capabilities: { ...FAKE_SHOPIFY_CAPABILITIES, customerSegmentMetafields: true } });
fake.install(SHOP, { customers: [] });
const writes: string[][] = [[], []];
let run = 0;
const platform = {
  ...fake.platform,
  setCustomerMetafields: async (_shop: string, set: CustomerMetafield[], clear?: CustomerMetafieldRef[]) => {
    for (const m of set) writes[run].push(`set ${m.customerId} ${m.namespace}.${m.key} ${m.type} ${m.value}`);
    for (const m of clear ?? []) writes[run].push(`clear ${m.customerId} ${m.namespace}.${m.key}`);
    return { rejected: [] };
  },
};
const platforms = await installedOn(handle.db, platform, [SHOP]);
const publisher = createDecisionPublisher({
  db: handle.db,
  platforms,
  loadPredictions: predictionsFromDb(handle.db),
  now: () => NOW,
});
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
await recompute.recomputeShop(SHOP);
// Between the runs every eleventh customer orders again: the second run re-predicts and republishes them only.
sql(`INSERT INTO orders (shop_domain, order_id, customer_id, processed_at, updated_at, total_price, currency)
SELECT shop_domain, 'again-' || customer_id, customer_id, '${new Date(NOW.getTime() - 86_400_000).toISOString()}',
  '${NOW.toISOString()}', 31, 'KRW' FROM customers WHERE rowid % 11 = 0;`);
run = 1;
await recompute.recomputeShop(SHOP);
await handle.db.destroy();

const hash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);
const parts: Record<string, string> = {
  predictions: sql("SELECT * FROM customer_predictions ORDER BY shop_domain, customer_id;"),
  decisions: sql("SELECT * FROM published_decisions ORDER BY shop_domain, customer_id;"),
  events: sql(
    "SELECT shop_domain, customer_id, campaign_key, kind, holdout, order_id, occurred_at FROM campaign_events ORDER BY 1, 2, 3, 4, 7;",
  ),
  arms: sql("SELECT * FROM experiment_assignments ORDER BY 1, 2, 3;"),
  model: sql("SELECT customers, model FROM model_fits; SELECT * FROM product_cycles ORDER BY 1, 2, 3;"),
  pending: sql("SELECT count(*) FROM publish_pages;"),
  metafields1: writes[0].sort().join("\n"),
  metafields2: writes[1].sort().join("\n"),
};
for (const [name, text] of Object.entries(parts))
  console.log(`${name.padEnd(12)} ${hash(text)} (${text ? text.trim().split("\n").length : 0} lines)`);
console.log(
  `fingerprint  ${hash(Object.values(parts).join("\u0000"))} (${customers} customers, ${store.orders} orders)`,
);
rmSync(store.dir, { recursive: true, force: true });
