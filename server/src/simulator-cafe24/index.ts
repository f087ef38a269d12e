// Public surface of the local Cafe24 simulator (README.md describes the HTTP contract).
export { startCafe24Simulator } from "./server.js";
export type {
  Cafe24SimulatorOptions,
  Cafe24SimulatorHandle,
  Cafe24MallConfig,
  Cafe24TokenSet,
  Cafe24CallStats,
} from "./types.js";
export { seedCafe24FromOnlineRetail, KRW_PER_GBP, memberIdOf, type Cafe24SeedOptions } from "./seed.js";
export { ORDERS_MAX_LIMIT, ORDERS_MAX_MONTHS, ORDERS_MAX_OFFSET } from "./orders-api.js";
export { CUSTOMERS_MAX_LIMIT, CUSTOMERS_MAX_OFFSET } from "./customers-api.js";
export { ACCESS_TOKEN_TTL_MS, CODE_TTL_MS, REFRESH_TOKEN_TTL_MS, type Cafe24AppConfig } from "./oauth.js";
export { EVENT_ORDER_CANCELLED, EVENT_ORDER_PLACED, EVENT_PAYMENT_CHANGED, Cafe24Mall } from "./mall.js";
export { kstDay, kstIso } from "./kst.js";
