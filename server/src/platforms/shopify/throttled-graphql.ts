// Admin GraphQL requests with Shopify's cost-based throttling handled. THROTTLED arrives as HTTP 200 with
// errors[].extensions.code, which shopify-api's client does not retry (it only retries 429/503), so we wait
// until the bucket has refilled enough: (requested − available) / restoreRate seconds.
import type { Shopify } from "@shopify/shopify-api";

import { httpStatusOf, isThrottled, toPlatformError } from "./errors.js";
import type { OfflineTokens } from "./offline-tokens.js";

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost?: number | null;
  throttleStatus: ThrottleStatus;
}

export interface GraphqlCaller {
  request<T>(shop: string, query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface ThrottledGraphqlOptions {
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Milliseconds to wait before a throttled query can be afforded again. */
export function throttleWaitMs(cost: QueryCost | undefined): number {
  if (!cost?.throttleStatus) return 1000;
  const { currentlyAvailable, restoreRate } = cost.throttleStatus;
  if (!(restoreRate > 0)) return 1000;
  const missing = Math.max(cost.requestedQueryCost - currentlyAvailable, 1);
  return Math.ceil((missing / restoreRate) * 1000);
}

export function createThrottledGraphql(
  api: Shopify,
  tokens: OfflineTokens,
  options: ThrottledGraphqlOptions = {},
): GraphqlCaller {
  const maxAttempts = options.maxAttempts ?? 8;
  const maxThrottledAttempts = Math.max(maxAttempts, 20);
  const sleep = options.sleep ?? defaultSleep;
  // Throttled callers of one shop wait in line: waking together would just drain the bucket again.
  const lines = new Map<string, Promise<void>>();
  const waitInLine = (shop: string, ms: number) => {
    const turn = (lines.get(shop) ?? Promise.resolve()).then(() => sleep(ms));
    lines.set(shop, turn);
    return turn;
  };
  return {
    async request<T>(shop: string, query: string, variables?: Record<string, unknown>): Promise<T> {
      let refreshed = false;
      for (let attempt = 1; ; attempt++) {
        const session = await tokens.session(shop);
        const client = new api.clients.Graphql({ session });
        try {
          const response = await client.request(query, { variables });
          return response.data as T;
        } catch (err) {
          if (isThrottled(err) && attempt < maxThrottledAttempts) {
            const cost = (err as { body?: { extensions?: { cost?: QueryCost } } }).body?.extensions?.cost;
            await waitInLine(shop, throttleWaitMs(cost));
            continue;
          }
          // A token can be revoked or expire early: refresh once and retry.
          if (httpStatusOf(err) === 401 && !refreshed && session.refreshToken) {
            refreshed = true;
            await tokens.refresh(shop);
            continue;
          }
          const platformError = toPlatformError(err, "Shopify Admin API");
          if (platformError.retriable && attempt < maxAttempts && !isThrottled(err)) {
            await sleep(platformError.retryAfterMs ?? 500 * attempt);
            continue;
          }
          throw platformError;
        }
      }
    },
  };
}
