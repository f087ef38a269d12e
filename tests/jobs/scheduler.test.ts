import { describe, expect, it, vi } from "vitest";
import type { Job } from "../../server/src/jobs/job.js";
import { createInProcessQueue } from "../../server/src/jobs/queue/in-process-queue.js";
import { reconcileJob } from "../../server/src/jobs/reconcile.job.js";
import { createRecomputeJob } from "../../server/src/jobs/recompute.job.js";
import { createEventRetentionJob } from "../../server/src/jobs/event-retention.job.js";
import { enqueueTick, periodOf, startScheduler, unitHandler, unitKey } from "../../server/src/jobs/scheduler.js";

const SHOPS = ["a.myshopify.com", "b.myshopify.com", "c.myshopify.com"];
const TICK = new Date("2026-12-02T03:30:00.000Z");

function recomputeCounting() {
  const runs: string[] = [];
  const job = createRecomputeJob({
    recompute: {
      recomputeShop: async (shop) => {
        runs.push(shop);
        return { customers: 1 };
      },
    },
    listShops: async () => SHOPS,
    log: () => undefined,
  });
  return { job, runs };
}

describe("scheduling through the queue", () => {
  it("names a period by UTC day for daily jobs and by the scheduled minute otherwise", () => {
    const { job } = recomputeCounting();
    expect(unitKey(job, { shop: SHOPS[0] }, TICK)).toBe("recompute-timing:a.myshopify.com:2026-12-02");
    expect(periodOf({}, new Date("2026-12-02T11:10:00.000Z"))).toBe("2026-12-02T11:10");
  });

  it("a tick enqueues one job per shop; a second tick in the same period (another instance) adds none", async () => {
    const queue = createInProcessQueue(() => undefined);
    const { job, runs } = recomputeCounting();
    expect(await enqueueTick(queue, job, TICK)).toBe(3);
    expect(await enqueueTick(queue, job, new Date(TICK.getTime() + 1000))).toBe(0);
    await queue.work(job.name, { concurrency: 2 }, unitHandler(job));
    await vi.waitFor(() => expect(runs.sort()).toEqual(SHOPS));
    // The next day is a new period.
    expect(await enqueueTick(queue, job, new Date("2026-12-03T03:30:00.000Z"))).toBe(3);
    await vi.waitFor(() => expect(runs).toHaveLength(6));
    await queue.stop();
  });

  it("reconcile queues each shop and, once, the retry of stored webhook deliveries; a failing shop is retried alone", async () => {
    const queue = createInProcessQueue(() => undefined);
    const reconciled: string[] = [];
    let webhookRetries = 0;
    let failuresLeft = 1;
    const job = reconcileJob({
      listShops: async () => SHOPS,
      reconcile: async (shop) => {
        reconciled.push(shop);
        if (shop === SHOPS[1] && failuresLeft-- > 0) throw new Error("Shopify 502");
      },
      resumeBackfill: async (shop) => shop === SHOPS[2], // its backfill resumes instead
      retryPendingWebhooks: async () => {
        webhookRetries++;
      },
    });
    // Retries come fast in this test: the default delay is a minute.
    const fastRetry = {
      ...queue,
      enqueue: (name: string, data: object, o = {}) => queue.enqueue(name, data, { ...o, retryDelaySeconds: 0.01 }),
    };
    expect(await enqueueTick(fastRetry, job, TICK)).toBe(4);
    await queue.work(job.name, { concurrency: 2 }, unitHandler(job));
    await vi.waitFor(() => expect(reconciled.sort()).toEqual([SHOPS[0], SHOPS[1], SHOPS[1]]));
    expect(webhookRetries).toBe(1);
    await queue.stop();
  });

  it("a job that is not per shop (event retention) is one unit per period", async () => {
    const queue = createInProcessQueue(() => undefined);
    let folds = 0;
    const job = createEventRetentionJob({
      retention: {
        foldExpired: async () => {
          folds++;
          return {};
        },
      },
      log: () => undefined,
    });
    expect(await enqueueTick(queue, job, TICK)).toBe(1);
    expect(await enqueueTick(queue, job, TICK)).toBe(0);
    await queue.work(job.name, {}, unitHandler(job));
    await vi.waitFor(() => expect(folds).toBe(1));
    await queue.stop();
  });

  it("startScheduler registers each job's worker and refuses a bad cron expression before registering any", async () => {
    const queue = createInProcessQueue(() => undefined);
    const work = vi.spyOn(queue, "work");
    const bad: Job = { name: "bad", schedule: "not cron", run: async () => undefined };
    await expect(startScheduler([recomputeCounting().job, bad], queue)).rejects.toThrow(/invalid cron/);
    expect(work).not.toHaveBeenCalled();
    const { job, runs } = recomputeCounting();
    const scheduler = await startScheduler([job], queue);
    expect([...scheduler.tasks.keys()]).toEqual(["recompute-timing"]);
    await enqueueTick(queue, job, TICK); // as the 03:30 tick would
    await vi.waitFor(() => expect(runs).toHaveLength(3));
    await scheduler.stop();
    await queue.stop();
  });

  it("startScheduler gives each job the instance's concurrency unless the job sets its own", async () => {
    const queue = createInProcessQueue(() => undefined);
    const work = vi.spyOn(queue, "work");
    const own: Job = { name: "own", schedule: "0 4 * * *", concurrency: 5, run: async () => undefined };
    const scheduler = await startScheduler([recomputeCounting().job, own], queue, () => undefined, 1);
    expect(work.mock.calls.map(([name, options]) => [name, options.concurrency])).toEqual([
      ["recompute-timing", 1],
      ["own", 5],
    ]);
    await scheduler.stop();
    await queue.stop();
  });
});
