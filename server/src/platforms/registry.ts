// Which platform serves a shop. The answer is the shop's own row (shops.platform, written at install), so one
// process serves Shopify and Cafe24 shops side by side and no service holds a single platform: each asks
// `platforms.for(shop)`. main.ts builds the one registry from the platform modules it wires; tests build theirs
// the same way around the in-memory fake.
import type { Db } from "../db/database.js";
import { findShop } from "../db/repositories/shop.repository.js";
import { NotFoundError } from "../domain/shared/errors.js";
import type { CommercePlatform, PlatformId } from "./commerce-platform.js";

export interface PlatformRegistry {
  /** The platform the shop is installed on; NotFoundError for a shop we hold no row for. */
  for(shop: string): Promise<CommercePlatform>;
  /** The same, or undefined for a shop we hold no row for (never installed, or erased since). */
  find(shop: string): Promise<CommercePlatform | undefined>;
  /** A registered platform by id: webhook intake and storefront identity know theirs before they know the shop. */
  get(id: PlatformId): CommercePlatform;
  /** The ids registered, in registration order. */
  ids(): PlatformId[];
}

/** What services need: the platform of the shop at hand. */
export type PlatformLookup = Pick<PlatformRegistry, "for">;

export function createPlatformRegistry(db: Db, platforms: readonly CommercePlatform[]): PlatformRegistry {
  const byId = new Map<PlatformId, CommercePlatform>();
  for (const platform of platforms) {
    if (byId.has(platform.id)) throw new Error(`Platform ${platform.id} is registered twice`);
    byId.set(platform.id, platform);
  }
  // Read from the shop's row every time (one primary-key read), never remembered: a shop erased by any instance
  // must stop resolving at once (the ingest drops late deliveries for it), and one reinstalled on another
  // platform must resolve to that one.

  function get(id: string): CommercePlatform {
    const platform = byId.get(id as PlatformId);
    if (!platform) throw new Error(`No platform "${id}" is registered (have: ${[...byId.keys()].join(", ")})`);
    return platform;
  }

  async function find(shop: string): Promise<CommercePlatform | undefined> {
    const row = await findShop(db, shop);
    return row ? get(row.platform) : undefined;
  }

  return {
    find,
    get,
    async for(shop) {
      const platform = await find(shop);
      if (!platform) throw new NotFoundError(`Unknown shop ${shop}`);
      return platform;
    },
    ids: () => [...byId.keys()],
  };
}
