// The shared apply queue's jobs (sync-jobs.ts): deliveries handed over one event-loop turn at a time, as a burst's
// acknowledgements hand them, go out together in one job, not a job (a pg-boss insert, fetch and completion) each.
import { afterEach, describe, expect, it, vi } from "vitest";
import { APPLY_GATHER_MS, DELIVERIES_PER_JOB, sharedApplyQueue } from "../../server/src/jobs/sync-jobs.js";
import type { JobQueue } from "../../server/src/jobs/queue/job-queue.js";

/** A queue that only records what is enqueued. */
function recordingQueue() {
  const jobs: Array<{ deliveries: Array<{ shop: string; webhookId: string }> }> = [];
  const queue: JobQueue = {
    enqueue: async (_name, data) => {
      jobs.push(data as (typeof jobs)[number]);
      return String(jobs.length);
    },
    work: async () => undefined,
    stop: async () => undefined,
  };
  return { queue, jobs };
}

const delivery = (i: number) => ({ shop: "gather.myshopify.com", webhookId: `w${i}` });

describe("shared apply queue", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("deliveries handed over in separate turns within the gathering window go out as one job", async () => {
    vi.useFakeTimers();
    const { queue, jobs } = recordingQueue();
    const applies = sharedApplyQueue(queue, () => undefined)(async () => undefined);
    for (let i = 0; i < 20; i++) {
      applies.enqueue(delivery(i));
      await vi.advanceTimersByTimeAsync(1); // the next acknowledgement's turn
    }
    await vi.advanceTimersByTimeAsync(APPLY_GATHER_MS);
    expect(jobs.map((j) => j.deliveries.length)).toEqual([20]);
    expect(jobs[0].deliveries.map((d) => d.webhookId)).toEqual(Array.from({ length: 20 }, (_, i) => `w${i}`));
  });

  it("a full job goes at once, and idle() sends what is gathered without waiting for the window", async () => {
    vi.useFakeTimers();
    const { queue, jobs } = recordingQueue();
    const applies = sharedApplyQueue(queue, () => undefined)(async () => undefined);
    for (let i = 0; i < DELIVERIES_PER_JOB + 3; i++) applies.enqueue(delivery(i));
    expect(jobs.map((j) => j.deliveries.length)).toEqual([DELIVERIES_PER_JOB]);
    await applies.idle();
    expect(jobs.map((j) => j.deliveries.length)).toEqual([DELIVERIES_PER_JOB, 3]);
    await vi.advanceTimersByTimeAsync(APPLY_GATHER_MS); // the window's timer sends nothing more
    expect(jobs).toHaveLength(2);
  });

  it("stop() sends what is gathered and takes nothing after", async () => {
    const { queue, jobs } = recordingQueue();
    const applies = sharedApplyQueue(queue, () => undefined)(async () => undefined);
    applies.enqueue(delivery(1));
    await applies.stop();
    applies.enqueue(delivery(2));
    await applies.idle();
    expect(jobs.map((j) => j.deliveries.map((d) => d.webhookId))).toEqual([["w1"]]);
  });
});
