// Issue 11 on PostgreSQL: a full recompute's publish pages are pg-boss jobs, visible in its job table, done by
// whichever instance's worker takes them. Instance A recomputes (no publish worker); instance B publishes. One page's
// metafields fail once: that job alone is retried. Skipped without PG_URL, like the other PG tests.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listPublishPages } from "../../server/src/db/repositories/publish-page.repository.js";
import { createPublishPages, PUBLISH_PAGE } from "../../server/src/jobs/publish-pages.job.js";
import type { JobQueue } from "../../server/src/jobs/queue/job-queue.js";
import { pgBossQueues } from "../helpers/pg-boss-queues.js";
import { createTestDb, PG_URL, type TestDb } from "../helpers/test-db.js";
import { customerId, publishFixture } from "./publish-pages-fixture.js";

const SHOP = "pg-paged.myshopify.com";
const N = 23;
const P = 5;

describe.skipIf(!PG_URL)("publish pages through pg-boss, shared by two instances", () => {
  const pg = pgBossQueues("t_jobs", 0.5);
  const queues: JobQueue[] = [];
  let t: TestDb;

  beforeAll(async () => {
    t = await createTestDb("postgres");
    queues.push(await pg.open());
    queues.push(await pg.open());
  }, 60_000);

  afterAll(async () => {
    await pg.close();
    await t.destroy();
  }, 60_000);

  it(`${N} customers in pages of ${P}: ${Math.ceil(N / P)} pg-boss jobs, run by the other instance, the failed one retried alone`, async () => {
    const f = await publishFixture(t.db, SHOP, N, P);
    f.failing.customer = customerId(12);
    f.failing.times = 1;
    const deps = { db: t.db, publishRange: f.publishRange, log: () => undefined, retryDelaySeconds: 1 };
    const onA = createPublishPages({ ...deps, queue: queues[0] });
    const onB = createPublishPages({ ...deps, queue: queues[1] });
    await onB.start(); // only B works publish pages
    await f.recomputeWith(onA).recomputeShop(SHOP);
    const jobs = async () =>
      (
        await sql<{ state: string; retry_count: number; shop: string }>`
          select state, retry_count, data->>'shop' as shop from ${sql.table(`${pg.schema}.job`)}
          where name = ${PUBLISH_PAGE} order by created_on`.execute(t.db)
      ).rows;
    expect((await jobs()).length).toBe(Math.ceil(N / P));
    await vi.waitFor(
      async () => expect((await jobs()).map((j) => j.state)).toEqual(Array(Math.ceil(N / P)).fill("completed")),
      { timeout: 60_000, interval: 200 },
    );
    expect((await jobs()).map((j) => j.retry_count)).toEqual([0, 0, 1, 0, 0]);
    expect(await listPublishPages(t.db, new Date(Date.now() + 86_400_000), null, 100)).toEqual([]);
    expect(Math.max(...f.calls.map((c) => c.customers))).toBeLessThanOrEqual(P);
    expect([...f.writes.values()].every((n) => n === 1)).toBe(true);
    expect(f.writes.size).toBe(N);
  }, 90_000);
});
