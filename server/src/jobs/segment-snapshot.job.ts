import type { Job } from "./job.js";

export interface SegmentSnapshotJobDeps {
  dashboard: { recordSnapshot(shop: string): Promise<void> };
  listShops: () => Promise<string[]>;
  log: (message: string) => void;
  /** node-cron expression; daily at 04:15 by default, after the nightly recompute (03:30). */
  schedule?: string;
}

/** Daily segment counts per shop, so the dashboard grid can show movement since last week. */
export function createSegmentSnapshotJob(deps: SegmentSnapshotJobDeps): Job {
  return {
    name: "segment-snapshot",
    schedule: deps.schedule ?? "15 4 * * *",
    async run() {
      let ok = 0;
      const shops = await deps.listShops();
      for (const shop of shops) {
        try {
          await deps.dashboard.recordSnapshot(shop);
          ok++;
        } catch (err) {
          deps.log(`segment-snapshot ${shop} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return { shops: shops.length, ok };
    },
  };
}
