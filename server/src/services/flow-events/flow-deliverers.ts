// Which way a shop's Flow events go: Shopify shops through flowTriggerReceive, Cafe24 malls to the webhook URL and
// secret kept in their settings (settings.flowWebhook = { url, secret }); a mall without one gets nothing (and the
// occasion stays unsent, so setting a URL later delivers what is still current).
import type { Db } from "../../db/database.js";
import { readShopSettings } from "../../db/repositories/settings.repository.js";
import { findShop } from "../../db/repositories/shop.repository.js";
import { PlatformError } from "../../domain/shared/errors.js";
import { type FlowWebhookTarget, postFlowWebhook } from "../../platforms/cafe24/flow-webhook.js";
import { sendFlowTrigger } from "../../platforms/shopify/flow-trigger.js";
import type { GraphqlCaller } from "../../platforms/shopify/throttled-graphql.js";
import type { FlowEventDeliverer } from "./flow-events.service.js";

export function flowWebhookTargetOf(settings: Record<string, unknown> | null): FlowWebhookTarget | null {
  const hook = settings?.flowWebhook as Partial<FlowWebhookTarget> | undefined;
  return hook && typeof hook.url === "string" && typeof hook.secret === "string" && hook.secret
    ? { url: hook.url, secret: hook.secret }
    : null;
}

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
