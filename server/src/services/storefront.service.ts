import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import type { Db } from "../db/database.js";
import { findDecisionJson } from "../db/repositories/decision.repository.js";
import { insertBeacon } from "../db/repositories/campaign-event.repository.js";
import { findCustomerArms } from "../db/repositories/experiment.repository.js";
import { CAMPAIGN_KEYS } from "../domain/campaigns/campaign.js";
import { BASE_VARIANT } from "../domain/experiments/arms.js";
import { VARIANT_IDS } from "../domain/experiments/variant.js";
import type { StorefrontDecision } from "../domain/campaigns/storefront-decision.js";
import { ValidationError } from "../domain/shared/errors.js";
import { clientAddressKey } from "./client-address.js";
import { combineVerdicts, createRateLimiter, type RateLimit, type RateVerdict } from "./rate-limiter.js";

/** crypto.randomUUID()'s form (UUID v4, lower case): the only page-view id the storefront script sends. */
const PAGE_VIEW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A storefront beacon body: what happened, to which campaign, on which page view. The shopper comes only from the
 * signed query. `pageView` makes a resent or replayed beacon a no-op; it is optional because a browser without
 * crypto.randomUUID (or a script cached from before it) sends none, and a client can mint fresh ids anyway: the
 * rate limits, not this id, bound what a hostile client can store.
 */
export const storefrontEventSchema = z.strictObject({
  kind: z.enum(["impression", "click", "dismiss", "visit"]),
  campaign: z.enum(CAMPAIGN_KEYS).nullish(),
  pageView: z.string().regex(PAGE_VIEW_ID, "pageView must be a lower-case UUID v4").optional(),
  /** The A/B/n variant the banner showed (data-variant); checked against the customer's assignment, never trusted. */
  variant: z.enum([BASE_VARIANT, ...VARIANT_IDS]).optional(),
});

/**
 * A real page view sends at most a visit (once a day), an impression per slot, a click and a dismissal. Per
 * shopper: 20 at once, 20 a minute after that. Per address: more, because shoppers share addresses (offices,
 * mobile carriers' NAT); it also bounds guests, whose beacons are not stored but still cost a request.
 */
export const STOREFRONT_RATE_LIMITS: { shopper: RateLimit; address: RateLimit } = {
  shopper: { burst: 20, perMinute: 20 },
  address: { burst: 120, perMinute: 120 },
};

/** Where a beacon came from, as the HTTP layer saw it (see client-address.ts for what is trusted). */
export interface BeaconClient {
  forwardedFor?: string | string[];
  peer?: string;
}

export type BeaconOutcome =
  | { stored: boolean; limited?: undefined }
  | { stored: false; limited: true; retryAfterSeconds: number };

export type StorefrontEvent = z.infer<typeof storefrontEventSchema>;

export interface StorefrontServiceDeps {
  db: Db;
  now?: () => Date;
  /** Called (not awaited) when a shopper's event changes what they should see (a dismissal). */
  onCustomerChanged?: (shop: string, customerId: string) => Promise<unknown>;
  log?: (message: string, err: unknown) => void;
  /** How long /decision may answer from memory (ms); 0 turns the cache off. Publishing is eventually consistent anyway. */
  decisionCacheMs?: number;
  rateLimits?: { shopper: RateLimit; address: RateLimit };
  /** X-Forwarded-For entries our own load balancers append behind Shopify's proxy (0: Shopify connects to us). */
  trustedProxyHops?: number;
}

/** Nothing personal: what a guest (or an unknown customer) gets. Never carries a coupon. */
export function emptyDecision(customerId: string, now: Date): StorefrontDecision {
  return { version: 1, customerId, banner: null, notice: null, decidedAt: now.toISOString() };
}

export function createStorefrontService(deps: StorefrontServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? console.error;
  // The app-proxy hot path: every storefront page view of a logged-in shopper may ask. Keyed by shop AND customer,
  // so an entry can never answer for anyone else.
  const ttl = deps.decisionCacheMs ?? 10_000;
  const cache = ttl > 0 ? new LRUCache<string, string>({ max: 20_000, ttl }) : null;
  const cacheKey = (shop: string, customerId: string) => `${shop}\u0000${customerId}`;
  // In-memory, per instance (see rate-limiter.ts): behind several instances each allows the full rate.
  const limits = deps.rateLimits ?? STOREFRONT_RATE_LIMITS;
  const clock = () => now().getTime();
  const perShopper = createRateLimiter(limits.shopper, clock);
  const perAddress = createRateLimiter(limits.address, clock);

  /** Both limits must allow the beacon; it then spends from both. */
  function admit(shop: string, customerId: string | null, client: BeaconClient | undefined): RateVerdict {
    const shopperKey = customerId ? cacheKey(shop, customerId) : null;
    const addressKey = client ? clientAddressKey(client.forwardedFor, client.peer, deps.trustedProxyHops) : null;
    const verdict = combineVerdicts([
      shopperKey ? perShopper.check(shopperKey) : { allowed: true },
      addressKey ? perAddress.check(addressKey) : { allowed: true },
    ]);
    if (verdict.allowed) {
      if (shopperKey) perShopper.take(shopperKey);
      if (addressKey) perAddress.take(addressKey);
    }
    return verdict;
  }
  return {
    /** The customer's last published decision; null customer (guest) → the non-personal fallback. */
    async decisionFor(shop: string, customerId: string | null): Promise<StorefrontDecision> {
      return JSON.parse(await this.decisionJsonFor(shop, customerId));
    },

    /** Same as decisionFor, as JSON text straight from the table (the app-proxy hot path). */
    async decisionJsonFor(shop: string, customerId: string | null): Promise<string> {
      if (!customerId) return JSON.stringify(emptyDecision("", now()));
      const cached = cache?.get(cacheKey(shop, customerId));
      if (cached) return cached;
      const json =
        (await findDecisionJson(deps.db, shop, customerId)) ?? JSON.stringify(emptyDecision(customerId, now()));
      cache?.set(cacheKey(shop, customerId), json);
      return json;
    },

    /**
     * Stores one beacon, at most once per shopper, kind, campaign and page view. Rate-limited per shopper and per
     * client address before anything is read: over a limit, nothing is stored and the caller answers 429.
     */
    async recordEvent(
      shop: string,
      customerId: string | null,
      body: unknown,
      client?: BeaconClient,
    ): Promise<BeaconOutcome> {
      const verdict = admit(shop, customerId, client);
      if (!verdict.allowed) return { stored: false, limited: true, retryAfterSeconds: verdict.retryAfterSeconds };
      const parsed = storefrontEventSchema.safeParse(body);
      if (!parsed.success) throw new ValidationError("Invalid storefront event", parsed.error.issues);
      const event = parsed.data;
      if (event.kind !== "visit" && !event.campaign)
        throw new ValidationError(`A ${event.kind} event needs a campaign`);
      // Guests are never shown a campaign and have no place in the visit × purchase grid: their beacons are
      // accepted (the page can't tell) but not stored, so anonymous traffic cannot grow the table.
      if (event.variant && event.kind === "visit") throw new ValidationError("A visit event has no variant");
      if (!customerId) return { stored: false };
      // The signature proves only the customer: a variant counts only when it is an arm they were decided into,
      // so a forged or edited beacon cannot add impressions or clicks to another arm.
      if (event.variant && event.campaign) {
        const arms = await findCustomerArms(deps.db, shop, event.campaign, customerId);
        if (!arms || (event.variant !== arms.first && event.variant !== arms.last))
          throw new ValidationError(`Variant ${event.variant} is not this customer's arm of ${event.campaign}`);
      }
      const stored = await insertBeacon(deps.db, {
        id: randomUUID(),
        shop_domain: shop,
        customer_id: customerId,
        campaign_key: event.campaign ?? null,
        kind: event.kind,
        holdout: 0, // holdout customers are never shown anything, so they send no campaign beacons
        order_id: null,
        occurred_at: now().toISOString(),
        page_view_id: event.pageView ?? null,
        variant: event.variant ?? null,
      });
      // A replayed dismissal changes nothing, so it republishes nothing either.
      if (stored && event.kind === "dismiss") {
        cache?.delete(cacheKey(shop, customerId));
        deps
          .onCustomerChanged?.(shop, customerId)
          .catch((err) => log(`Republishing customer ${customerId} of ${shop} failed`, err));
      }
      return { stored };
    },
  };
}

export type StorefrontService = ReturnType<typeof createStorefrontService>;
