// Flow events need no recompute to become due: a reorder window opens and a coupon nears its expiry as days pass.
// Daily, after the nightly recompute, every customer of every shop is looked at, a page at a time; each occasion
// is sent once (flow_events), so a rerun or a second instance sends nothing twice.
import type { Db } from "../db/database.js";
import { listPredictionsPage } from "../db/repositories/prediction.repository.js";
import type { GraphqlCaller } from "../platforms/shopify/throttled-graphql.js";
import { platformFlowDeliverer } from "../platforms/flow-deliverer.js";
import { createFlowEventsHook } from "../services/flow-events/flow-events-hook.js";
import { createFlowEventsService } from "../services/flow-events/flow-events.service.js";
import { dailyShopJob } from "./each-shop.js";
import type { Job } from "./job.js";

export interface FlowEventsJobDeps {
  db: Db;
  listShops: () => Promise<string[]>;
  log: (message: string) => void;
  shopifyGraphql?: GraphqlCaller;
  /** Demo mode: a Cafe24 webhook may be http://localhost. */
  demo: boolean;
  now?: () => Date;
  fetch?: typeof fetch;
  /** node-cron expression; daily at 05:00 by default, after the nightly recompute (03:30). */
  schedule?: string;
}

const PAGE = 500;

export function createFlowEventsJob(deps: FlowEventsJobDeps): Job {
  const deliver = platformFlowDeliverer(deps);
  const service = createFlowEventsService({ db: deps.db, deliver, now: deps.now });
  const hook = createFlowEventsHook({ db: deps.db, service, now: deps.now });
  const runShop = async (shop: string) => {
    for (let after: string | null = null; ; ) {
      const page = await listPredictionsPage(deps.db, shop, after, PAGE);
      if (page.length === 0) return;
      await hook.forPredictions(shop, page);
      after = page[page.length - 1].customerId;
    }
  };
  return dailyShopJob({
    name: "flow-events",
    schedule: deps.schedule ?? "0 5 * * *",
    listShops: deps.listShops,
    runShop,
    log: deps.log,
  });
}
