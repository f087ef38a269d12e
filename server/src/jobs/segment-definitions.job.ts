// Shops installed before the segment fields' metafield definitions were made at install get them here: at boot
// and daily, each installed shop not yet ensured is asked once (services/segment-definitions.service.ts); a shop
// already ensured costs one read and no platform call.
import type { SegmentDefinitionsService } from "../services/segment-definitions.service.js";
import type { Job } from "./job.js";
import { dailyShopJob, runEachShop } from "./each-shop.js";

export interface SegmentDefinitionsJobDeps {
  definitions: Pick<SegmentDefinitionsService, "ensure">;
  listShops: () => Promise<string[]>;
  log: (message: string) => void;
  /** node-cron expression; daily at 03:10 by default, before the nightly recompute (03:30) publishes. */
  schedule?: string;
}

export function createSegmentDefinitionsJob(deps: SegmentDefinitionsJobDeps): Job {
  const name = "segment-definitions";
  const runShop = (shop: string) => deps.definitions.ensure(shop);
  return {
    ...dailyShopJob({
      name,
      schedule: deps.schedule ?? "10 3 * * *",
      listShops: deps.listShops,
      runShop,
      log: deps.log,
    }),
    // Each shop's outcome counted (defined, already, skipped, failed), the loop itself the shared one.
    async run() {
      const outcomes: Record<string, number> = {};
      const count = (outcome: string) => {
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      };
      const { shops, ok } = await runEachShop(
        name,
        deps.listShops,
        async (shop) => count(await runShop(shop)),
        deps.log,
      );
      for (let i = ok; i < shops; i++) count("failed");
      return { shops, ...outcomes };
    },
  };
}
