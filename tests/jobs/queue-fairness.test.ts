// Fairness on both queues: one shop with a big backlog never starves the others. A big shop's 50 jobs are queued
// first, then one job for each of 10 small shops; with 2 workers, every small shop's job starts long before the
// big shop's backlog drains (FIFO would start them after all 50). Mechanism: round-robin by the job's `shop`
// (in-process: one lane per shop; pg-boss: priority -(that shop's jobs already waiting)).
import { afterAll, describe, expect, it, vi } from "vitest";
import { createInProcessQueue } from "../../server/src/jobs/queue/in-process-queue.js";
import type { JobQueue } from "../../server/src/jobs/queue/job-queue.js";
import { pgBossQueues } from "../helpers/pg-boss-queues.js";
import { PG_URL } from "../helpers/test-db.js";

const BIG = "big.myshopify.com";
const SMALL = Array.from({ length: 10 }, (_, i) => `small-${i}.myshopify.com`);

async function startOrder(queue: JobQueue, name: string): Promise<string[]> {
  for (let i = 0; i < 50; i++) await queue.enqueue(name, { shop: BIG, n: i });
  for (const shop of SMALL) await queue.enqueue(name, { shop });
  const started: string[] = [];
  await queue.work<{ shop: string }>(name, { concurrency: 2 }, async ({ shop }) => {
    started.push(shop);
    await new Promise((r) => setTimeout(r, 5));
  });
  await vi.waitFor(() => expect(started).toHaveLength(60), { timeout: 30_000, interval: 50 });
  return started;
}

function expectSmallShopsServedEarly(started: string[]) {
  // Where each small shop's job started, and where the big shop's 15th did: every small one comes before it.
  const bigFifteenth = started.map((s, i) => (s === BIG ? i : -1)).filter((i) => i >= 0)[14];
  for (const shop of SMALL) expect(started.indexOf(shop)).toBeLessThan(bigFifteenth);
}

describe("job queue fairness between shops", () => {
  it("in-process: 10 small shops' jobs start before a big shop's 50-job backlog drains", async () => {
    const queue = createInProcessQueue(() => undefined);
    expectSmallShopsServedEarly(await startOrder(queue, "publish-shop"));
    await queue.stop({ graceMs: 0 });
  });

  describe.runIf(PG_URL)("pg-boss", () => {
    const pg = pgBossQueues("t_fair", 0.2);
    afterAll(() => pg.close(), 60_000);

    it("10 small shops' jobs start before a big shop's 50-job backlog drains", async () => {
      const queue = await pg.open();
      expectSmallShopsServedEarly(await startOrder(queue, "publish-shop"));
    }, 60_000);
  });
});
