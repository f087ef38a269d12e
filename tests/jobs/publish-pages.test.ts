// Issue 11: a full recompute publishes through queued pages. A shop of 23 customers recomputed in pages of 5:
// five publish jobs of at most 5 customers each, queued (not run) by the recompute; a failing page is retried
// alone; pages a crash left stored are queued again. On SQLite (in-process queue) and PostgreSQL when PG_URL is set.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listPublishPages } from "../../server/src/db/repositories/publish-page.repository.js";
import { createPublishPages } from "../../server/src/jobs/publish-pages.job.js";
import { createInProcessQueue } from "../../server/src/jobs/queue/in-process-queue.js";
import type { JobQueue } from "../../server/src/jobs/queue/job-queue.js";
import { DB_KINDS } from "../helpers/db-kinds.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";
import { customerId, NOW, publishFixture } from "./publish-pages-fixture.js";

const N = 23;
const P = 5;
const PAGES = Math.ceil(N / P);
const everyone = Array.from({ length: N }, (_, i) => customerId(i));
const wait = { timeout: 30_000, interval: 50 };

describe.each(DB_KINDS)("publish pages after a full recompute (%s)", (kind) => {
  let t: TestDb;
  const queues: JobQueue[] = [];
  const newQueue = () => {
    const q = createInProcessQueue(() => undefined);
    queues.push(q);
    return q;
  };
  const stored = async (shop: string) =>
    (await listPublishPages(t.db, new Date(NOW.getTime() + 3600_000 * 24 * 365 * 10), null, 1000)).filter(
      (p) => p.shop === shop,
    );

  beforeAll(async () => {
    t = await createTestDb(kind);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.stop({ graceMs: 0 })));
    await t.destroy();
  });

  it(`${N} customers in pages of ${P}: ${PAGES} publish jobs of at most ${P}, queued, not run, by the recompute`, async () => {
    const shop = "paged.myshopify.com";
    const f = await publishFixture(t.db, shop, N, P);
    const queue = newQueue();
    const pages = createPublishPages({ db: t.db, queue, publishRange: f.publishRange, log: () => undefined });
    const handed: number[] = [];
    const recompute = f.recomputeWith({ enqueue: async (page) => handed.push(1) && pages.enqueue(page) });
    expect(await recompute.recomputeShop(shop)).toEqual({ customers: N });
    // The recompute returned with nothing published and no id list handed on: its pages wait in the queue and in
    // the database.
    expect(Math.max(0, ...f.idLists)).toBeLessThanOrEqual(P);
    expect(handed).toHaveLength(PAGES);
    expect(f.writes.size).toBe(0);
    expect(await stored(shop)).toHaveLength(PAGES);
    await pages.start();
    await vi.waitFor(async () => expect(await stored(shop)).toHaveLength(0), wait);
    expect(f.calls).toHaveLength(PAGES);
    expect(Math.max(...f.calls.map((c) => c.customers))).toBeLessThanOrEqual(P);
    expect(f.calls.reduce((n, c) => n + c.customers, 0)).toBe(N);
    expect([...f.writes.keys()].sort()).toEqual(everyone);
    expect([...f.writes.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  it("a page whose metafields fail is retried alone; every customer is written once", async () => {
    const shop = "retry.myshopify.com";
    const f = await publishFixture(t.db, shop, N, P);
    f.failing.customer = customerId(12); // on the third page, c0010..c0014
    f.failing.times = 1;
    const queue = newQueue();
    const pages = createPublishPages({
      db: t.db,
      queue,
      publishRange: f.publishRange,
      log: () => undefined,
      retryDelaySeconds: 0.05,
    });
    await pages.start();
    await f.recomputeWith(pages).recomputeShop(shop);
    await vi.waitFor(async () => expect(await stored(shop)).toHaveLength(0), wait);
    expect(f.calls).toHaveLength(PAGES + 1);
    const third = { afterId: customerId(9), throughId: customerId(14) };
    expect(f.calls.filter((c) => c.afterId === third.afterId && c.throughId === third.throughId)).toHaveLength(2);
    expect([...f.writes.keys()].sort()).toEqual(everyone);
    expect([...f.writes.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  it("a crash between the recompute and the queue loses no page: the stored pages are queued again", async () => {
    const shop = "crash.myshopify.com";
    const f = await publishFixture(t.db, shop, N, P);
    // The process dies right after each page is stored: nothing reaches the queue.
    const dead = f.recomputeWith({
      enqueue: async () => {
        throw new Error("killed");
      },
    });
    await dead.recomputeShop(shop);
    expect(await stored(shop)).toHaveLength(PAGES);
    // The next process, some minutes later: its resume scan queues the stored pages and its worker publishes them.
    const queue = newQueue();
    const later = new Date(Date.now() + 10 * 60_000);
    const pages = createPublishPages({
      db: t.db,
      queue,
      publishRange: f.publishRange,
      log: () => undefined,
      clock: () => later,
    });
    await pages.start();
    expect(await pages.resumePending()).toBeGreaterThanOrEqual(PAGES);
    await vi.waitFor(async () => expect(await stored(shop)).toHaveLength(0), wait);
    expect([...f.writes.keys()].sort()).toEqual(everyone);
    expect([...f.writes.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);
});
