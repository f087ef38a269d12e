// Two app instances on one PostgreSQL database, each with its own pg-boss queue and cron tick: every period's
// per-shop job runs once, on whichever instance's worker takes it. Skipped without PG_URL, like the other PG tests.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { JobQueue } from "../../server/src/jobs/queue/job-queue.js";
import { createRecomputeJob } from "../../server/src/jobs/recompute.job.js";
import { enqueueTick, unitHandler } from "../../server/src/jobs/scheduler.js";
import { pgBossQueues } from "../helpers/pg-boss-queues.js";
import { PG_URL } from "../helpers/test-db.js";

const SHOPS = Array.from({ length: 5 }, (_, i) => `shop-${i}.myshopify.com`);
const TICK = new Date("2026-12-02T03:30:00.000Z");

describe.skipIf(!PG_URL)("pg-boss queue shared by two instances", () => {
  const pg = pgBossQueues("t_jobs", 0.5);
  const queues: JobQueue[] = [];

  beforeAll(async () => {
    // One after the other: the first creates the schema, the second finds it.
    queues.push(await pg.open());
    queues.push(await pg.open());
  }, 60_000);

  afterAll(() => pg.close(), 60_000);

  it("both instances tick for 5 shops: one recompute per shop and period, shared between the two workers", async () => {
    const runs: Array<{ shop: string; instance: number }> = [];
    const busy = new Set<number>();
    const jobs = queues.map((_, instance) =>
      createRecomputeJob({
        recompute: {
          async recomputeShop(shop) {
            runs.push({ shop, instance });
            busy.add(instance);
            // Hold the first job until the other instance has taken one too (or 10 s), so the test shows sharing.
            await vi.waitFor(() => expect(busy.size).toBe(2), { timeout: 10_000, interval: 50 }).catch(() => undefined);
            return { customers: 1 };
          },
        },
        listShops: async () => SHOPS,
        log: () => undefined,
      }),
    );
    // Both instances' cron fire at 03:30 (a few ms apart): each enqueues, only the first insert of a key counts.
    const added = await Promise.all(jobs.map((job) => enqueueTick(queues[jobs.indexOf(job)], job, TICK)));
    expect(added[0] + added[1]).toBe(5);
    for (const [i, job] of jobs.entries()) await queues[i].work(job.name, { concurrency: 1 }, unitHandler(job));
    await vi.waitFor(() => expect(runs).toHaveLength(5), { timeout: 20_000, interval: 100 });
    expect(runs.map((r) => r.shop).sort()).toEqual(SHOPS);
    expect(new Set(runs.map((r) => r.instance)).size).toBe(2);
    // A late tick of the same period, after the jobs completed, enqueues nothing; the next day's does.
    expect(await enqueueTick(queues[1], jobs[1], new Date(TICK.getTime() + 30_000))).toBe(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(runs).toHaveLength(5);
  }, 30_000);

  it("a job whose worker throws is retried, on either instance", async () => {
    const attempts: number[] = [];
    for (const [instance, queue] of queues.entries())
      await queue.work("flaky", { concurrency: 1 }, async () => {
        attempts.push(instance);
        if (attempts.length === 1) throw new Error("transient");
      });
    await queues[0].enqueue("flaky", {}, { singletonKey: "flaky:x", retryLimit: 2, retryDelaySeconds: 1 });
    await vi.waitFor(() => expect(attempts).toHaveLength(2), { timeout: 15_000, interval: 100 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(attempts).toHaveLength(2);
  }, 30_000);
});
