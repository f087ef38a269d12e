// Which way a shop's Flow events go: Shopify shops through flowTriggerReceive, Cafe24 malls to the webhook URL and
// secret kept in their settings (settings.flowWebhook = { url, secret }); a mall without one gets nothing (and the
// occasion stays unsent, so setting a URL later delivers what is still current).
// Neutral platforms/*.ts (like the registry): services get a deliverer from here and never see a platform's folder.
import type { Db } from "../db/database.js";
import { readShopSettings } from "../db/repositories/settings.repository.js";
import { findShop } from "../db/repositories/shop.repository.js";
import type { FlowEvent } from "../domain/flow/flow-events.js";
import { flowWebhookTargetOf } from "../domain/flow/webhook-url.js";
import { PlatformError } from "../domain/shared/errors.js";
import { postFlowWebhook } from "./cafe24/flow-webhook.js";
import { sendFlowTrigger } from "./shopify/flow-trigger.js";
import type { GraphqlCaller } from "./shopify/throttled-graphql.js";

/** Delivers one event to one shop; throws when it was not delivered. */
export type FlowEventDeliverer = (shop: string, event: FlowEvent) => Promise<void>;

export function platformFlowDeliverer(deps: {
  db: Db;
  shopifyGraphql?: GraphqlCaller;
  demo: boolean;
  now?: () => Date;
  fetch?: typeof fetch;
}): FlowEventDeliverer {
  return async (shop, event) => {
    const platform = (await findShop(deps.db, shop))?.platform;
    if (platform === "cafe24") {
      const target = flowWebhookTargetOf(await readShopSettings(deps.db, shop));
      if (!target) throw new PlatformError("no Flow webhook URL set", false);
      return postFlowWebhook(target, shop, event, {
        demo: deps.demo,
        now: (deps.now ?? (() => new Date()))(),
        fetch: deps.fetch,
      });
    }
    if (!deps.shopifyGraphql) throw new PlatformError("Shopify is not configured", false);
    return sendFlowTrigger(deps.shopifyGraphql, shop, event);
  };
}
