// Everything the Shopify adapter needs, built once by main.ts (and by tests with a simulator URL).
import type { LogSeverity } from "@shopify/shopify-api";
import type { Db } from "../../db/database.js";
import { createOfflineTokens, type OfflineTokens } from "./offline-tokens.js";
import { createShopifyApp, type ShopifyApp } from "./shopify-app.js";
import { createShopifyPlatform, type ShopifyPlatform } from "./shopify-platform.js";
import { createThrottledGraphql, type GraphqlCaller, type ThrottledGraphqlOptions } from "./throttled-graphql.js";

export interface ShopifyStack extends ShopifyApp {
  tokens: OfflineTokens;
  platform: ShopifyPlatform;
  /** The adapter's throttled Admin GraphQL caller, for the install's own calls (the web pixel). */
  graphql: GraphqlCaller;
}

export interface ShopifyStackOptions {
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  scopes: string[];
  logLevel?: LogSeverity;
  graphql?: ThrottledGraphqlOptions;
  now?: () => Date;
}

export function createShopifyStack(db: Db, options: ShopifyStackOptions): ShopifyStack {
  const app = createShopifyApp(db, options);
  const tokens = createOfflineTokens(app.api, app.sessionStorage, options.now);
  const graphql = createThrottledGraphql(app.api, tokens, options.graphql);
  return { ...app, tokens, graphql, platform: createShopifyPlatform({ api: app.api, graphql, now: options.now }) };
}
