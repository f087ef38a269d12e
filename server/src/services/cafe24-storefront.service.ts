// The decision a Cafe24 storefront script gets. Cafe24's Front SDK member id is not signed, so the answer is the
// shop-level public decision (domain/campaigns/public-banner.ts): never a published per-member decision, never a
// coupon. It reads only; it stores nothing. Answers are cached briefly per mall and member-or-guest (they hold
// nothing personal), so a page-view burst costs one read.
import { LRUCache } from "lru-cache";
import type { Db } from "../db/database.js";
import { findShop } from "../db/repositories/shop.repository.js";
import { publicDecision } from "../domain/campaigns/public-banner.js";
import { NotFoundError } from "../domain/shared/errors.js";
import { effectiveCampaigns } from "./campaign.service.js";

export interface Cafe24StorefrontDeps {
  db: Db;
  now?: () => Date;
  /** How long an answer is reused (ms); 0 turns the cache off. */
  cacheMs?: number;
}

export function createCafe24StorefrontService(deps: Cafe24StorefrontDeps) {
  const now = deps.now ?? (() => new Date());
  const ttl = deps.cacheMs ?? 10_000;
  const cache = ttl > 0 ? new LRUCache<string, string>({ max: 10_000, ttl }) : null;

  return {
    /** JSON for GET /cafe24/storefront/decision. Unknown, uninstalled or non-Cafe24 shop: NotFoundError. */
    async publicDecisionJson(mallId: string, member: boolean): Promise<string> {
      const key = `${mallId}\u0000${member ? "m" : "g"}`;
      const cached = cache?.get(key);
      if (cached) return cached;
      const shop = await findShop(deps.db, mallId);
      if (!shop || shop.uninstalled_at || shop.platform !== "cafe24") throw new NotFoundError("Unknown Cafe24 mall");
      const json = JSON.stringify(publicDecision(await effectiveCampaigns(deps.db, mallId), member, now()));
      cache?.set(key, json);
      return json;
    },
  };
}

export type Cafe24StorefrontService = ReturnType<typeof createCafe24StorefrontService>;
