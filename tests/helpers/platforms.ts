// Tests register their platform (the in-memory fake, or the Shopify adapter on the simulator, wrapped or not) the
// way main.ts registers its own: a registry that resolves each shop by its row's platform.
import type { Db } from "../../server/src/db/database.js";
import { upsertInstalledShop } from "../../server/src/db/repositories/shop.repository.js";
import type { CommercePlatform } from "../../server/src/platforms/commerce-platform.js";
import { createPlatformRegistry, type PlatformRegistry } from "../../server/src/platforms/registry.js";

export function registryOf(db: Db, ...platforms: CommercePlatform[]): PlatformRegistry {
  return createPlatformRegistry(db, platforms);
}

/** Records the shops as installed on this platform (as an install does) and registers it. */
export async function installedOn(db: Db, platform: CommercePlatform, shops: string[]): Promise<PlatformRegistry> {
  for (const shop of shops) await upsertInstalledShop(db, shop, platform.id, new Date("2024-01-01T00:00:00Z"));
  return registryOf(db, platform);
}
