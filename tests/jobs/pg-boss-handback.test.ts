// Shutdown hands running jobs back: a job still running when its instance's stop() grace ends goes back to
// waiting (no attempt spent, no retry delay) and the other instance runs it at once. Before, pg-boss failed it and
// the retry waited its 60–120 s backoff. The next run is told it resumes a cut-off one (`resumed`), so a webhook
// apply takes over the stored delivery's claim at once instead of waiting for its 5-minute lease. An instance that dies without stopping (SIGKILL) is covered by
// tests/scale/multi-instance.test.ts (leases reaped after the heartbeat goes stale).
import { afterAll, describe, expect, it, vi } from "vitest";
import { pgBossQueues } from "../helpers/pg-boss-queues.js";
import { PG_URL } from "../helpers/test-db.js";

describe.runIf(PG_URL)("pg-boss queue on stop", () => {
  const pg = pgBossQueues("t_handback", 0.2);
  afterAll(() => pg.close(), 60_000);

  it("a job interrupted by stop() runs again on another instance, within the shutdown's 5 s", async () => {
    const first = await pg.open();
    const second = await pg.open();
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
