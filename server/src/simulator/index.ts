// Public surface of the local Shopify store simulator (README.md describes the HTTP contract).
export { startSimulator, SIMULATOR_API_VERSION } from "./server.js";
export type {
  SimulatorOptions,
  SimulatorHandle,
  SimAppConfig,
  SimShopConfig,
  WebhookSubscription,
  InstalledApp,
} from "./types.js";
export { signAppProxyQuery, appProxySignature, type AppProxyRequest } from "./app-proxy-signer.js";
export { hashString } from "./rng.js";
export { mintSessionToken, verifySessionToken } from "./session-token.js";
export { seedOnlineRetail, DEFAULT_RETAIL_CSV, type SeedOptions, type SeedStats } from "./seed-online-retail.js";
export type { ChaosOptions, RetryOptions, DeliveryLogEntry, WebhookSender } from "./webhook-sender.js";
export type { PlayOptions, PlayResult } from "./play-forward.js";
export type { ShopStore } from "./store.js";
export { METAFIELDS_SET_LIMIT } from "./resolvers/metafields.js";
export { MAX_QUERY_COST } from "./cost.js";
