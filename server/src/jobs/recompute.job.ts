import type { Job } from "./job.js";

export interface RecomputeJobDeps {
  recompute: { recomputeShop(shop: string): Promise<{ customers: number }> };
  listShops: () => Promise<string[]>;
  log: (message: string) => void;
  /** node-cron expression; nightly at 03:30 by default. */
  schedule?: string;
}

/** Nightly full timing recompute, shop by shop; one shop's failure is logged and the run moves on. */
export function createRecomputeJob(deps: RecomputeJobDeps): Job {
  return {
    name: "recompute-timing",
    schedule: deps.schedule ?? "30 3 * * *",
    async run() {
      let ok = 0;
      const shops = await deps.listShops();
      for (const shop of shops) {
        try {
          await deps.recompute.recomputeShop(shop);
          ok++;
        } catch (err) {
          deps.log(`recompute-timing ${shop} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return { shops: shops.length, ok };
    },
  };
}
