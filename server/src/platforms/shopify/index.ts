// The Shopify platform as one module: the adapter (Admin GraphQL; the store simulator stands in for Shopify in
// demo mode behind the very same code), its webhook intake path, its storefront identity (the signed app-proxy
// query) and its Shopify-managed install. main.ts wires it; nothing else imports from this folder but tests and
// the demo, which drives the simulator through it.
import type { Db } from "../../db/database.js";
import type { PlatformModule } from "../platform-module.js";
import { createShopifyStack, type ShopifyStack, type ShopifyStackOptions } from "./shopify-stack.js";
import type { ShopifyPlatform } from "./shopify-platform.js";
import { activateWebPixel, pixelEndpoint } from "./web-pixel.js";
import { defineSegmentMetafields } from "./segment-definitions.js";

export { SHOPIFY_CAPABILITIES, type ShopifyPlatform } from "./shopify-platform.js";
export type { ShopifyStack, ShopifyStackOptions } from "./shopify-stack.js";

/** Every topic in shopify.app.toml is posted to this one path. */
export const SHOPIFY_WEBHOOK_PATH = "/api/webhooks";
/** The app proxy (shopify.app.toml [app_proxy]): Shopify forwards https://{shop}/apps/dangol/* here, signed. */
export const SHOPIFY_APP_PROXY_PATH = "/apps/dangol";

export interface ShopifyModule extends PlatformModule {
  readonly id: "shopify";
  readonly adapter: ShopifyPlatform;
  /** API client, session storage and offline tokens: the install below and the demo store use them. */
  readonly stack: ShopifyStack;
  /** Shopify-managed install: the first authenticated admin request of a new shop calls these. */
  readonly install: {
    platform: "shopify";
    /** Trades the request's App Bridge session token for an expiring offline token. */
    exchangeToken(shop: string, sessionToken: string): Promise<unknown>;
    hasOfflineSession(shop: string): Promise<boolean>;
    /**
     * Activates the web pixel (create, or update on a reinstall) with the app's /pixel/events endpoint, and defines
     * the segment fields' customer metafields (an existing definition is kept). Either failing rejects, after both ran.
     */
    afterInstall(shop: string): Promise<unknown>;
  };
}

export function createShopifyModule(db: Db, options: ShopifyStackOptions): ShopifyModule {
  const stack = createShopifyStack(db, options);
  const adapter = stack.platform;
  return {
    id: "shopify",
    adapter,
    capabilities: adapter.capabilities,
    stack,
    webhookPath: SHOPIFY_WEBHOOK_PATH,
    storefront: { path: SHOPIFY_APP_PROXY_PATH, identify: (rawQuery) => adapter.verifyAppProxy(rawQuery) },
    install: {
      platform: "shopify",
      exchangeToken: (shop, sessionToken) => stack.tokens.exchange(shop, sessionToken),
      hasOfflineSession: async (shop) =>
        Boolean(await stack.sessionStorage.loadSession(stack.api.session.getOfflineId(shop))),
      afterInstall: async (shop) => {
        const [pixel, definitions] = await Promise.allSettled([
          activateWebPixel(stack.graphql, shop, pixelEndpoint(options.appUrl)),
          defineSegmentMetafields(stack.graphql, shop),
        ]);
        for (const r of [pixel, definitions]) if (r.status === "rejected") throw r.reason;
        return { pixel, definitions };
      },
    },
  };
}
