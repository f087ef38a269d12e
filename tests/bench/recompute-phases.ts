// Where a full recompute's wall time goes, on the bench's store: every SQL statement timed (grouped by its text),
// every engine call timed (worker round trip), the publisher's pages timed. A diagnostic, not a bench:
// RECOMPUTE_BENCH_CUSTOMERS=20000 node --import tsx tests/bench/recompute-phases.ts
import { Kysely } from "kysely";
import type { Database } from "../../server/src/db/database.js";
import { Sqlite3Dialect } from "../../server/src/db/sqlite3-dialect.js";
import { createDecisionPublisher, predictionsFromDb } from "../../server/src/services/decision-publisher.service.js";
import { deletePublishPage } from "../../server/src/db/repositories/publish-page.repository.js";
import { createRecomputeService } from "../../server/src/services/recompute.service.js";
import { workerRecomputeEngine } from "../../server/src/services/recompute-worker-client.js";
import type { RecomputeEngine } from "../../server/src/services/recompute-engine.js";
import { createFakePlatform } from "../helpers/fake-platform.js";
import { installedOn } from "../helpers/platforms.js";
import { benchStore, NOW, SHOP, SHOPIFY_LIKE } from "./recompute-bench-store.js";

const customers = Number(process.env.RECOMPUTE_BENCH_CUSTOMERS ?? 20_000);
const store = await benchStore(customers, 10);
const spent = new Map<string, { ms: number; n: number }>();
const add = (key: string, ms: number) => {
  const s = spent.get(key) ?? { ms: 0, n: 0 };
  s.ms += ms;
  s.n++;
  spent.set(key, s);
};
const db = new Kysely<Database>({
  dialect: new Sqlite3Dialect({
    filename: store.filename,
    onOpen: (raw) =>
      new Promise<void>((resolve, reject) =>
        raw.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", (e) =>
          e ? reject(e) : resolve(),
        ),
      ),
  }),
  log: (event) =>
    add(
      `sql ${event.query.sql
        .replace(/\(\?(, \?)*\)/g, "(…)")
        .replace(/(, \(…\))+/g, ", …")
        .slice(0, 150)}`,
      event.queryDurationMillis,
    ),
});
const timed = <T>(key: string, work: () => Promise<T>) => {
  const t = performance.now();
  return work().finally(() => add(key, performance.now() - t));
};
const fake = createFakePlatform({ capabilities: SHOPIFY_LIKE });
fake.install(SHOP, { customers: [] });
const platform = { ...fake.platform, setCustomerMetafields: async () => ({ rejected: [] }) };
const platforms = await installedOn(db, platform, [SHOP]);
const publisher = createDecisionPublisher({ db, platforms, loadPredictions: predictionsFromDb(db), now: () => NOW });
const engine = (): RecomputeEngine => {
  const e = workerRecomputeEngine();
  return {
    begin: (t, n) => timed("engine begin", () => e.begin(t, n)),
    add: (h) => timed("engine add", () => e.add(h)),
    fit: (o) => timed("engine fit", () => e.fit(o)),
    predict: (h, v) => timed("engine predict", () => e.predict(h, v)),
    close: () => e.close(),
  };
};
const recompute = createRecomputeService({
  db,
  clock: () => NOW,
  log: () => {},
  engine,
  publishPages: {
    enqueue: (page) =>
      timed("publishRange", async () => {
        await publisher.publishRange(page.shop, page.afterId, page.throughId);
        await deletePublishPage(db, page.id);
      }),
  },
});
const t = performance.now();
await recompute.recomputeShop(SHOP);
const total = performance.now() - t;
await db.destroy();
console.log(`total ${(total / 1000).toFixed(1)} s at ${customers} customers / ${store.orders} orders`);
for (const [k, s] of [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40))
  console.log(`${(s.ms / 1000).toFixed(2).padStart(8)} s ${String(s.n).padStart(6)}× ${k}`);
