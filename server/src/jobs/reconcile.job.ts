import { runEachShop } from "./each-shop.js";
import type { Job } from "./job.js";

export interface ReconcileJobDeps {
  listShops(): Promise<string[]>;
  reconcile(shop: string): Promise<unknown>;
  /** True when the shop's backfill is unfinished (now resumed in the background): nothing to reconcile yet. */
  resumeBackfill?(shop: string): Promise<boolean>;
  /** Re-applies webhook deliveries stored but not processed. */
  retryPendingWebhooks?(): Promise<unknown>;
  log?: (message: string) => void;
}

/**
 * Catches missed webhooks: re-lists orders updated since each shop's watermark (minus an overlap). A shop whose
 * backfill was interrupted gets it resumed instead.
 */
export function reconcileJob(deps: ReconcileJobDeps, schedule = "*/10 * * * *"): Job {
  const log = deps.log ?? console.error;
  const runShop = async (shop: string) => {
    if (await deps.resumeBackfill?.(shop)) return;
    await deps.reconcile(shop);
  };
  const once = async () => {
    await deps.retryPendingWebhooks?.();
  };
  return {
    name: "reconcile-orders",
    schedule,
    // One queued job per shop and tick, plus one that retries stored webhook deliveries.
    perShop: { listShops: deps.listShops, runShop, once },
    async run() {
      await once();
      await runEachShop("reconcile", deps.listShops, runShop, log);
    },
  };
}
