// The single shopifyApi({...}) instance of the app, with sessions stored through Kysely.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, LogSeverity, shopifyApi, type Shopify } from "@shopify/shopify-api";
import type { Db } from "../../db/database.js";
import { KyselySessionStorage } from "./kysely-session-storage.js";
import { installShopRouting } from "./shop-routing.js";

/** Also used in shopify.app.toml [webhooks] api_version. */
export const SHOPIFY_API_VERSION = ApiVersion.July26;

export interface ShopifyAppOptions {
  apiKey: string;
  apiSecret: string;
  /** Public URL of this app, e.g. https://dangol.example.com (demo: http://localhost:3000). */
  appUrl: string;
  scopes: string[];
  logLevel?: LogSeverity;
}

export interface ShopifyApp {
  api: Shopify;
  sessionStorage: KyselySessionStorage;
}

export function createShopifyApp(db: Db, options: ShopifyAppOptions): ShopifyApp {
  installShopRouting();
  const url = new URL(options.appUrl);
  const api = shopifyApi({
    apiKey: options.apiKey,
    apiSecretKey: options.apiSecret,
    scopes: options.scopes,
    hostName: url.host,
    hostScheme: url.protocol === "http:" ? "http" : "https",
    apiVersion: SHOPIFY_API_VERSION,
    isEmbeddedApp: true,
    userAgentPrefix: "Dangol",
    logger: { level: options.logLevel ?? LogSeverity.Warning },
  });
  return { api, sessionStorage: new KyselySessionStorage(db) };
}
