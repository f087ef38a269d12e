import { afterEach, describe, expect, it, vi } from "vitest";
import { createInProcessQueue } from "../../server/src/jobs/queue/in-process-queue.js";

/** A promise the test resolves when it chooses. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const settle = () => new Promise((r) => setImmediate(r));

describe("in-process job queue", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("a singleton key is one job while queued or running, and free again once it has finished", async () => {
    const queue = createInProcessQueue(() => undefined);
    const runs: string[] = [];
    const release = gate();
    expect(await queue.enqueue("recompute", { shop: "a" }, { singletonKey: "recompute:a:2026-12-02" })).toBeTruthy();
    expect(await queue.enqueue("recompute", { shop: "a" }, { singletonKey: "recompute:a:2026-12-02" })).toBeNull();
    // Another key, or the same key under another job name, is another job.
    expect(await queue.enqueue("recompute", { shop: "b" }, { singletonKey: "recompute:b:2026-12-02" })).toBeTruthy();
    expect(await queue.enqueue("snapshot", { shop: "a" }, { singletonKey: "recompute:a:2026-12-02" })).toBeTruthy();
    await queue.work<{ shop: string }>("recompute", { concurrency: 1 }, async ({ shop }) => {
      runs.push(shop);
      await release.opened;
    });
    await settle();
    expect(runs).toEqual(["a"]); // running now
    expect(await queue.enqueue("recompute", { shop: "a" }, { singletonKey: "recompute:a:2026-12-02" })).toBeNull();
    release.open();
    await vi.waitFor(() => expect(runs).toEqual(["a", "b"]));
    await settle();
    expect(await queue.enqueue("recompute", { shop: "a" }, { singletonKey: "recompute:a:2026-12-02" })).toBeTruthy();
    await vi.waitFor(() => expect(runs).toEqual(["a", "b", "a"]));
    await queue.stop({ graceMs: 1000 });
  });

  it("retries a failing job with a doubling delay, then gives up after retryLimit and frees its key", async () => {
    vi.useFakeTimers();
    const logs: string[] = [];
    const queue = createInProcessQueue((m) => logs.push(m));
    let attempts = 0;
    await queue.work("flaky", { concurrency: 1 }, async () => {
      attempts++;
      throw new Error(`boom ${attempts}`);
    });
    const options = { singletonKey: "k", retryLimit: 2, retryDelaySeconds: 10, retryBackoff: true };
    await queue.enqueue("flaky", {}, options);
    await vi.advanceTimersByTimeAsync(0);
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(attempts).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toBe(2); // first retry after 10 s
    expect(await queue.enqueue("flaky", {}, options)).toBeNull(); // waiting to retry still holds the key
    await vi.advanceTimersByTimeAsync(19_999);
    expect(attempts).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempts).toBe(3); // second retry 20 s later
    await vi.advanceTimersByTimeAsync(600_000);
    expect(attempts).toBe(3); // retryLimit 2: three attempts in all
    expect(logs.at(-1)).toMatch(/flaky k failed for good: boom 3/);
    expect(await queue.enqueue("flaky", {}, options)).toBeTruthy();
    await queue.stop({ graceMs: 0 });
  });

  it("a job that fails once and then succeeds runs exactly twice", async () => {
    const queue = createInProcessQueue(() => undefined);
    const seen: number[] = [];
    await queue.work<{ n: number }>("once-flaky", { concurrency: 1 }, async ({ n }) => {
      seen.push(n);
      if (seen.length === 1) throw new Error("transient");
    });
    await queue.enqueue("once-flaky", { n: 7 }, { retryLimit: 3, retryDelaySeconds: 0.01 });
    await vi.waitFor(() => expect(seen).toEqual([7, 7]));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([7, 7]);
    await queue.stop();
  });

  it("runs at most `concurrency` jobs of a name at once, and all of them in the end", async () => {
    const queue = createInProcessQueue(() => undefined);
    let inFlight = 0;
    let maxInFlight = 0;
    const done: number[] = [];
    const gates = Array.from({ length: 5 }, gate);
    await queue.work<{ i: number }>("shop-work", { concurrency: 2 }, async ({ i }) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await gates[i].opened;
      inFlight--;
      done.push(i);
    });
    for (let i = 0; i < 5; i++) await queue.enqueue("shop-work", { i });
    await settle();
    expect(inFlight).toBe(2);
    for (const g of gates) {
      g.open();
      await settle();
      expect(inFlight).toBeLessThanOrEqual(2);
    }
    await vi.waitFor(() => expect(done).toHaveLength(5));
    expect(maxInFlight).toBe(2);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4]);
    await queue.stop();
  });

  it("stop() takes no new jobs and waits for the running one", async () => {
    const queue = createInProcessQueue(() => undefined);
    const release = gate();
    const runs: number[] = [];
    let finished = false;
    await queue.work<{ i: number }>("long", { concurrency: 1 }, async ({ i }) => {
      runs.push(i);
      await release.opened;
      finished = true;
    });
    await queue.enqueue("long", { i: 1 });
    await queue.enqueue("long", { i: 2 });
    await settle();
    const stopped = queue.stop({ graceMs: 10_000 });
    release.open();
    await stopped;
    expect(finished).toBe(true);
    expect(runs).toEqual([1]);
    expect(await queue.enqueue("long", { i: 3 })).toBeNull();
  });
});
