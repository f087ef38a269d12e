// Shops installed before the segment fields' metafield definitions were made at install get them here: at boot
// and daily, each installed shop not yet ensured is asked once (services/segment-definitions.service.ts); a shop
// already ensured costs one read and no platform call.
import type { SegmentDefinitionsService } from "../services/segment-definitions.service.js";
import type { Job } from "./job.js";

export interface SegmentDefinitionsJobDeps {
  definitions: Pick<SegmentDefinitionsService, "ensure">;
  listShops: () => Promise<string[]>;
  log: (message: string) => void;
  /** node-cron expression; daily at 03:10 by default, before the nightly recompute (03:30) publishes. */
  schedule?: string;
}

export function createSegmentDefinitionsJob(deps: SegmentDefinitionsJobDeps): Job {
  const runShop = (shop: string) => deps.definitions.ensure(shop);
  return {
    name: "segment-definitions",
    schedule: deps.schedule ?? "10 3 * * *",
    period: "day",
    perShop: { listShops: deps.listShops, runShop },
    async run() {
      const outcomes: Record<string, number> = {};
      const shops = await deps.listShops();
      for (const shop of shops) {
        try {
          const outcome = await runShop(shop);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        } catch (err) {
          outcomes.failed = (outcomes.failed ?? 0) + 1;
          deps.log(`segment-definitions ${shop} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return { shops: shops.length, ...outcomes };
    },
  };
}
