import { dailyShopJob } from "./each-shop.js";
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
  return dailyShopJob({
    name: "recompute-timing",
    schedule: deps.schedule ?? "30 3 * * *",
    listShops: deps.listShops,
    runShop: (shop) => deps.recompute.recomputeShop(shop),
    log: deps.log,
  });
}
