import type { Job } from "./job.js";

export interface ReconcileJobDeps {
  listShops(): Promise<string[]>;
  reconcile(shop: string): Promise<unknown>;
  /** Re-applies webhook deliveries stored but not processed. */
  retryPendingWebhooks?(): Promise<unknown>;
  log?: (message: string) => void;
}

/** Catches missed webhooks: re-lists orders updated since each shop's watermark (minus an overlap). */
export function reconcileJob(deps: ReconcileJobDeps, schedule = "*/10 * * * *"): Job {
  const log = deps.log ?? console.error;
  return {
    name: "reconcile-orders",
    schedule,
    async run() {
      await deps.retryPendingWebhooks?.();
      for (const shop of await deps.listShops()) {
        // One shop's failure never stops the others.
        try {
          await deps.reconcile(shop);
        } catch (err) {
          log(`reconcile ${shop} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    },
  };
}
