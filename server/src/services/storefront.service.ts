import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import type { Db } from "../db/database.js";
import { findDecisionJson } from "../db/repositories/decision.repository.js";
import { insertCampaignEvents } from "../db/repositories/campaign-event.repository.js";
import { CAMPAIGN_KEYS } from "../domain/campaigns/campaign.js";
import type { StorefrontDecision } from "../domain/campaigns/storefront-decision.js";
import { ValidationError } from "../domain/shared/errors.js";

/** A storefront beacon body: what happened, to which campaign. The shopper comes only from the signed query. */
export const storefrontEventSchema = z.strictObject({
  kind: z.enum(["impression", "click", "dismiss", "visit"]),
  campaign: z.enum(CAMPAIGN_KEYS).nullish(),
});

export type StorefrontEvent = z.infer<typeof storefrontEventSchema>;

export interface StorefrontServiceDeps {
  db: Db;
  now?: () => Date;
  /** Called (not awaited) when a shopper's event changes what they should see (a dismissal). */
  onCustomerChanged?: (shop: string, customerId: string) => Promise<unknown>;
  log?: (message: string, err: unknown) => void;
  /** How long /decision may answer from memory (ms); 0 turns the cache off. Publishing is eventually consistent anyway. */
  decisionCacheMs?: number;
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
      const json = (await findDecisionJson(deps.db, shop, customerId)) ?? JSON.stringify(emptyDecision(customerId, now()));
      cache?.set(cacheKey(shop, customerId), json);
      return json;
    },

    async recordEvent(shop: string, customerId: string | null, body: unknown): Promise<void> {
      const parsed = storefrontEventSchema.safeParse(body);
      if (!parsed.success) throw new ValidationError("Invalid storefront event", parsed.error.issues);
      const event = parsed.data;
      if (event.kind !== "visit" && !event.campaign) throw new ValidationError(`A ${event.kind} event needs a campaign`);
      // Guests are never shown a campaign and have no place in the visit × purchase grid: their beacons are
      // accepted (the page can't tell) but not stored, so anonymous traffic cannot grow the table.
      if (!customerId) return;
      await insertCampaignEvents(deps.db, [
        {
          id: randomUUID(),
          shop_domain: shop,
          customer_id: customerId,
          campaign_key: event.campaign ?? null,
          kind: event.kind,
          holdout: 0, // holdout customers are never shown anything, so they send no campaign beacons
          order_id: null,
          occurred_at: now().toISOString(),
        },
      ]);
      if (customerId && event.kind === "dismiss") cache?.delete(cacheKey(shop, customerId));
      if (customerId && event.kind === "dismiss" && deps.onCustomerChanged) {
        deps.onCustomerChanged(shop, customerId).catch((err) => log(`Republishing customer ${customerId} of ${shop} failed`, err));
      }
    },
  };
}

export type StorefrontService = ReturnType<typeof createStorefrontService>;
