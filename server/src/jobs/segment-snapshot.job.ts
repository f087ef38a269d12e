import { dailyShopJob } from "./each-shop.js";
import type { Job } from "./job.js";

export interface SegmentSnapshotJobDeps {
  dashboard: { recordSnapshot(shop: string): Promise<void> };
  listShops: () => Promise<string[]>;
  log: (message: string) => void;
  /** node-cron expression; daily at 04:15 by default, after the nightly recompute (03:30). */
  schedule?: string;
}

/** Daily segment counts per shop (one queued job per shop and day), so the dashboard grid can show movement. */
export function createSegmentSnapshotJob(deps: SegmentSnapshotJobDeps): Job {
  return dailyShopJob({
    name: "segment-snapshot",
    schedule: deps.schedule ?? "15 4 * * *",
    listShops: deps.listShops,
    runShop: (shop) => deps.dashboard.recordSnapshot(shop),
    log: deps.log,
  });
}
