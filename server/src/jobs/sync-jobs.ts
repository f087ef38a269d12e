// The order sync's work as queued jobs, so any instance's workers take it and a killed one loses nothing:
// applying a stored webhook delivery, re-predicting one customer after an order change, resuming a shop's backfill.
import type { DeliveryApplyQueue, StoredDelivery } from "../services/delivery-apply-queue.js";
import type { OrderChangedHook } from "../services/webhook-ingest.service.js";
import { errorMessage, type JobQueue } from "./queue/job-queue.js";

export const APPLY_WEBHOOK = "apply-webhook";
export const RECOMPUTE_CUSTOMER = "recompute-customer";
export const BACKFILL_SHOP = "backfill-shop";

type Log = (message: string) => void;

/** How long a customer's recompute waits for more of their order changes (seconds; a metafield a little later). */
export const RECOMPUTE_DEBOUNCE_S = 3;

/** Deliveries per apply job: one job (one send, fetch, lease and completion) for the deliveries stored together. */
export const DELIVERIES_PER_JOB = 50;
/**
 * How long an apply job gathers deliveries before it is sent (a full one goes at once). Handed over one event-loop
 * turn at a time, a burst's jobs carried two deliveries each (5,000 deliveries across three instances: 2,514
 * pg-boss inserts and 1,646 fetches while answering); the applies wait for the answers anyway (intake-priority.ts).
 */
export const APPLY_GATHER_MS = 100;

/** An apply job's data: a batch of delivery keys (or one, as jobs queued before batching carry). */
type ApplyJob = { deliveries: StoredDelivery[]; resumed?: boolean } | (StoredDelivery & { deliveries?: undefined });

/**
 * Stored deliveries applied through the shared queue (PostgreSQL: any instance). A job carries only keys: the
 * deliveries handed over within APPLY_GATHER_MS of its first, up to DELIVERIES_PER_JOB; a job per delivery cost
 * each acknowledgement a pg-boss insert and each apply a fetch, lease and completion. The worker claims each stored
 * row itself, so a job run twice applies each once, and a job lost before its insert (a crash right after the
 * answer) is found again by the start-up scan and the retry job.
 */
export function sharedApplyQueue(
  queue: JobQueue,
  log: Log,
  concurrency = 4,
): (apply: (delivery: StoredDelivery) => Promise<void>) => DeliveryApplyQueue {
  return (apply) => {
    const sending = new Set<Promise<unknown>>();
    let batch: StoredDelivery[] = [];
    let stopped = false;
    void queue
      .work<ApplyJob>(APPLY_WEBHOOK, { concurrency, keyHeld: "while-queued" }, async (job) => {
        // One delivery that could not be tried does not hold back the rest; the job is retried after them.
        let failed: unknown;
        for (const { shop, webhookId } of job.deliveries ?? [job])
          await apply({ shop, webhookId, resumed: job.resumed }).catch((err: unknown) => (failed ??= err));
        if (failed) throw failed;
      })
      .catch((err: unknown) => log(`webhook apply worker could not start: ${errorMessage(err)}`));
    const send = (deliveries: StoredDelivery[]) => {
      const sent: Promise<unknown> = queue
        .enqueue(
          APPLY_WEBHOOK,
          { deliveries: deliveries.map(({ shop, webhookId }) => ({ shop, webhookId })) },
          {
            // The short policy allows one waiting job per key: the first delivery's key is this batch's own.
            singletonKey: `${deliveries[0].shop}:${deliveries[0].webhookId}`,
            keyHeld: "while-queued",
            fairByShop: false,
            retryLimit: 3,
            retryDelaySeconds: 5,
          },
        )
        .catch((err: unknown) =>
          log(`${deliveries.length} webhooks stored, not queued (the retry job applies them): ${errorMessage(err)}`),
        )
        .finally(() => sending.delete(sent));
      sending.add(sent);
    };
    // The batch being gathered: sent when full, when its window ends, or at idle()/stop().
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      const all = batch;
      batch = [];
      for (let i = 0; i < all.length; i += DELIVERIES_PER_JOB) send(all.slice(i, i + DELIVERIES_PER_JOB));
    };
    return {
      enqueue(delivery) {
        if (stopped) return;
        batch.push(delivery);
        if (batch.length >= DELIVERIES_PER_JOB) flush();
        else if (batch.length === 1) timer = setTimeout(flush, APPLY_GATHER_MS);
      },
      async idle() {
        flush();
        await Promise.allSettled([...sending]);
      },
      async stop() {
        stopped = true;
        flush();
        await Promise.allSettled([...sending]);
      },
    };
  };
}

/**
 * An order change re-predicts its customer in a job keyed by shop and customer, held only while it waits: a burst
 * of one customer's deliveries queues one recompute, and a change arriving while it runs queues the next one.
 * The job waits RECOMPUTE_DEBOUNCE_S before it may start (pg-boss), so the deliveries of a burst coalesce into
 * fewer recomputes and metafield writes instead of each taking CPU from the applies behind it.
 */
export function queuedOrderChanged(queue: JobQueue, recompute: OrderChangedHook, log: Log, concurrency = 2) {
  void queue
    .work<{ shop: string; customerId: string }>(
      RECOMPUTE_CUSTOMER,
      { concurrency, keyHeld: "while-queued" },
      ({ shop, customerId }) => recompute(shop, customerId),
    )
    .catch((err: unknown) => log(`recompute worker could not start: ${errorMessage(err)}`));
  const hook: OrderChangedHook = async (shop, customerId) => {
    await queue.enqueue(
      RECOMPUTE_CUSTOMER,
      { shop, customerId },
      {
        singletonKey: `${shop}:${customerId}`,
        keyHeld: "while-queued",
        retryDelaySeconds: 10,
        startAfterSeconds: RECOMPUTE_DEBOUNCE_S,
      },
    );
  };
  return hook;
}

/** A shop's backfill as a job: one per shop at a time across instances; a killed instance's run resumes elsewhere. */
export function queuedBackfills(queue: JobQueue, runShop: (shop: string) => Promise<void>, log: Log, concurrency = 2) {
  void queue
    .work<{ shop: string }>(BACKFILL_SHOP, { concurrency, keyHeld: "while-active" }, ({ shop }) => runShop(shop))
    .catch((err: unknown) => log(`backfill worker could not start: ${errorMessage(err)}`));
  return async (shop: string): Promise<void> => {
    await queue.enqueue(
      BACKFILL_SHOP,
      { shop },
      { singletonKey: shop, keyHeld: "while-active", retryDelaySeconds: 30 },
    );
  };
}
