// Shutdown hands running jobs back: a job still running when its instance's stop() grace ends goes back to
// waiting (no attempt spent, no retry delay) and the other instance runs it at once. Before, pg-boss failed it and
// the retry waited its 60–120 s backoff. The next run is told it resumes a cut-off one (`resumed`), so a webhook
// apply takes over the stored delivery's claim at once instead of waiting for its 5-minute lease. An instance that dies without stopping (SIGKILL) is covered by
// tests/scale/multi-instance.test.ts (leases reaped after the heartbeat goes stale).
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createDb } from "../../server/src/db/create-db.js";
import type { JobQueue } from "../../server/src/jobs/queue/job-queue.js";
import { createPgBossQueue } from "../../server/src/jobs/queue/pg-boss-queue.js";
import { PG_URL } from "../helpers/test-db.js";

describe.runIf(PG_URL)("pg-boss queue on stop", () => {
  const schema = `t_handback_${randomBytes(5).toString("hex")}`;
  const queues: JobQueue[] = [];
  const open = async () => {
    const queue = await createPgBossQueue({
      connectionString: PG_URL as string,
      schema,
      log: () => undefined,
      pollingIntervalSeconds: 0.2,
    });
    queues.push(queue);
    return queue;
  };

  afterAll(async () => {
    await Promise.all(queues.map((q) => q.stop({ graceMs: 0 })));
    const admin = createDb({ kind: "postgres", url: PG_URL as string });
    await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.db);
    await admin.db.destroy();
  }, 60_000);

  it("a job interrupted by stop() runs again on another instance, within the shutdown's 5 s", async () => {
    const first = await open();
    const second = await open();
    const runs: string[] = [];
    await first.enqueue("backfill-shop", { shop: "a.myshopify.com" }, { singletonKey: "backfill:a" });
    await first.work("backfill-shop", { concurrency: 1 }, async () => {
      runs.push("first");
      await new Promise(() => undefined); // a backfill that won't reach its checkpoint in time
    });
    await vi.waitFor(() => expect(runs).toEqual(["first"]), { timeout: 10_000, interval: 50 });
    await second.work<{ resumed?: boolean }>("backfill-shop", { concurrency: 1 }, async ({ resumed }) => {
      runs.push(resumed ? "second, resumed" : "second");
    });
    const stopping = Date.now();
    await first.stop({ graceMs: 500 });
    expect(Date.now() - stopping).toBeLessThan(5_000);
    await vi.waitFor(() => expect(runs).toEqual(["first", "second, resumed"]), { timeout: 10_000, interval: 50 });
  }, 30_000);
});
