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
  const runShop = (shop: string) => deps.dashboard.recordSnapshot(shop);
  return {
    name: "segment-snapshot",
    schedule: deps.schedule ?? "15 4 * * *",
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
          deps.log(`segment-snapshot ${shop} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return { shops: shops.length, ok };
    },
  };
}
