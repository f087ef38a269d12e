// Public option and handle types of the store simulator (see README.md for the HTTP contract).
import type { SeedOptions } from "./seed-online-retail.js";
import type { ShopStore } from "./store.js";
import type { SimClock } from "./clock.js";
import type { WebhookSender, ChaosOptions, RetryOptions } from "./webhook-sender.js";
import type { PlayOptions, PlayResult } from "./play-forward.js";
import type { WebPixelFields } from "./web-pixel-settings.js";

export interface SimAppConfig {
  /** The app's client id (Shopify "API key"); session tokens must carry it as `aud`. */
  apiKey: string;
  /** Signs webhooks, app-proxy queries and session tokens. */
  apiSecret: string;
  /** Numeric app id used to resolve `$app:` metafield namespaces to `app--<appId>--…`. */
  appId?: string;
  scopes?: string[];
  /** The web pixel extension's [settings.fields]; default: extensions/dangol-pixel's (endpoint). */
  webPixelFields?: WebPixelFields;
}

export interface SimShopConfig {
  /** e.g. "demo.myshopify.com". */
  domain: string;
  /** Seed from the Online Retail II CSV; omit for an empty shop. */
  seed?: SeedOptions;
  currency?: string;
}

export interface WebhookSubscription {
  topic: string;
  address: string;
  /** Limit to one shop; omitted = every shop (like app-specific subscriptions in shopify.app.toml). */
  shop?: string;
}

export interface SimulatorOptions {
  app: SimAppConfig;
  /** Defaults to one empty shop "demo.myshopify.com". */
  shops?: SimShopConfig[];
  /** 0 (default) = pick a free port. */
  port?: number;
  /** Leaky bucket per shop+app. Defaults 1000 / 100 (Shopify Standard plan). */
  throttle?: { maximumAvailable?: number; restoreRate?: number };
  webhooks?: {
    subscriptions?: WebhookSubscription[];
    chaos?: ChaosOptions;
    retry?: RetryOptions;
    /** Per delivery attempt; Shopify gives 5 s. */
    timeoutMs?: number;
    concurrency?: number;
  };
  /** Bulk operations stay RUNNING at least this long (default 50 ms). */
  bulkDelayMs?: number;
  /** Offline access token lifetime when expiring tokens are requested (default 3600 s). */
  accessTokenTtlSeconds?: number;
  /** Start time of the simulated clock (defaults to real time); the clock then runs in real time. */
  startAt?: Date;
}

export interface InstalledApp {
  shop: string;
  accessToken: string;
  scope: string;
  /** Present for expiring offline tokens. */
  expiresIn?: number;
  refreshToken?: string;
  refreshTokenExpiresIn?: number;
}

export interface SimulatorHandle {
  /** e.g. "http://127.0.0.1:54321" */
  url: string;
  port: number;
  clock: SimClock;
  webhooks: WebhookSender;
  /** Data of one shop (throws for an unknown shop). */
  store(shop: string): ShopStore;
  shops(): string[];
  /** Adds a shop at runtime (optionally seeded). */
  addShop(config: SimShopConfig): Promise<ShopStore>;
  /** Shopify-managed install: mints an offline token (expiring by default) without a session token. */
  installApp(shop: string, options?: { expiring?: boolean }): InstalledApp;
  /** An App Bridge–style session token (HS256 JWT) for `shopify.auth.tokenExchange`. */
  mintSessionToken(shop: string, options?: { userId?: string; ttlSeconds?: number }): string;
  /** Revokes the shop's tokens and sends app/uninstalled. */
  uninstallApp(shop: string): void;
  /** Sends customers/redact for one customer (numeric id or GID). */
  requestCustomerRedact(shop: string, customerId: string | number): void;
  requestCustomerDataRequest(shop: string, customerId: string | number): void;
  /** Sends shop/redact (Shopify does this 48 h after uninstall). */
  requestShopRedact(shop: string): void;
  /** Creates orders for existing customers and refunds/cancels some; fires webhooks. */
  playOrders(shop: string, n: number, options?: PlayOptions): PlayResult;
  /** Makes the next bulk operations of a shop fail with this error code (null = succeed again). */
  failBulkOperations(shop: string, errorCode: "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT" | null): void;
  close(): Promise<void>;
}
