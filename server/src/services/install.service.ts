// Shopify-managed install: the first authenticated admin request of a shop with no offline token exchanges
// its session token for an expiring offline token, records the shop, and starts the backfill in the
// background; the refit at the end of the backfill produces the first predictions.
import type { Db } from "../db/database.js";
import { findShop, upsertInstalledShop } from "../db/repositories/shop.repository.js";
import { saveSyncState } from "../db/repositories/sync-state.repository.js";
import type { PlatformId } from "../platforms/commerce-platform.js";

export interface InstallDeps {
  db: Db;
  /** Recorded as the shop's platform: the registry resolves the shop by it from then on. */
  platform: PlatformId;
  exchangeToken(shop: string, sessionToken: string): Promise<unknown>;
  hasOfflineSession(shop: string): Promise<boolean>;
  backfill(shop: string): Promise<unknown>;
  shopSynced(shop: string): Promise<void>;
  /** Platform set-up after the token (Shopify: the web pixel). Its failure is logged; the install stands. */
  afterInstall?(shop: string): Promise<unknown>;
  log?: (message: string) => void;
  now?: () => Date;
}

export function createInstallService(deps: InstallDeps) {
  const log = deps.log ?? console.log;
  const inFlight = new Map<string, Promise<void>>();

  async function install(shop: string, sessionToken: string): Promise<void> {
    await deps.exchangeToken(shop, sessionToken);
    const now = (deps.now ?? (() => new Date()))();
    // A sync_state row ("pending" if new) before the shop row: a crash before the backfill's first save still
    // leaves an unfinished backfill that start-up recovery picks up (backfill-recovery.service.ts).
    await saveSyncState(deps.db, shop, {}, now);
    await upsertInstalledShop(deps.db, shop, deps.platform, now);
    // Idempotent (a reinstall updates what the first install made), so the next install retries a failure.
    await deps.afterInstall?.(shop).catch((err: unknown) => {
      log(`install of ${shop}: set-up after install failed: ${err instanceof Error ? err.message : String(err)}`);
    });
    void deps
      .backfill(shop)
      .then(() => deps.shopSynced(shop))
      .catch((err: unknown) => log(`backfill of ${shop} failed: ${err instanceof Error ? err.message : String(err)}`));
  }

  async function installUnlessInstalled(shop: string, sessionToken: string): Promise<void> {
    const shopRow = await findShop(deps.db, shop);
    if (shopRow && !shopRow.uninstalled_at && (await deps.hasOfflineSession(shop))) return;
    await install(shop, sessionToken);
  }

  return {
    /**
     * Idempotent and safe under concurrent first requests: one exchange per shop. The check joins the single flight
     * too: a lookup that answers "not installed" after another request's install finished must not install again.
     */
    async ensureInstalled(shop: string, sessionToken: string): Promise<void> {
      let job = inFlight.get(shop);
      if (!job) {
        job = installUnlessInstalled(shop, sessionToken).finally(() => inFlight.delete(shop));
        inFlight.set(shop, job);
      }
      await job;
    },
  };
}

export type InstallService = ReturnType<typeof createInstallService>;
