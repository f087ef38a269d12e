import type { Job } from "./job.js";

export interface RecomputeJobDeps {
  recompute: { recomputeShop(shop: string): Promise<{ customers: number }> };
  listShops: () => Promise<string[]>;
  log: (message: string) => void;
  /** node-cron expression; nightly at 03:30 by default. */
  schedule?: string;
}

/** Nightly full timing recompute, one queued job per shop and day; one shop's failure never stops the others. */
export function createRecomputeJob(deps: RecomputeJobDeps): Job {
  const runShop = (shop: string) => deps.recompute.recomputeShop(shop);
  return {
    name: "recompute-timing",
    schedule: deps.schedule ?? "30 3 * * *",
    period: "day",
    perShop: { listShops: deps.listShops, runShop },
    async run() {
      let ok = 0;
      const shops = await deps.listShops();
      for (const shop of shops) {
        try {
          await runShop(shop);
          ok++;
        } catch (err) {
          deps.log(`recompute-timing ${shop} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return { shops: shops.length, ok };
    },
  };
}
