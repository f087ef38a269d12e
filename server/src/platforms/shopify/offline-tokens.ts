// Offline access tokens for background work: loads the shop's offline session, refreshes an expiring token
// shortly before it expires or after a 401, and persists the rotated tokens through the session storage.
import { RequestedTokenType, type Session, type Shopify } from "@shopify/shopify-api";
import { PlatformError } from "../../domain/shared/errors.js";
import type { KyselySessionStorage } from "./kysely-session-storage.js";
import { toPlatformError } from "./errors.js";

/** Refresh this long before expiry so a request never starts with a token about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export interface OfflineTokens {
  /** A session with a usable access token (refreshed when needed). */
  session(shop: string): Promise<Session>;
  /** Refreshes now, e.g. after Shopify answered 401 to a token we thought valid. */
  refresh(shop: string): Promise<Session>;
  /** Shopify-managed install: trades an App Bridge session token for an expiring offline token. */
  exchange(shop: string, sessionToken: string): Promise<Session>;
}

export function createOfflineTokens(
  api: Shopify,
  storage: KyselySessionStorage,
  now: () => Date = () => new Date(),
): OfflineTokens {
  // Refresh tokens rotate on use: one refresh per shop at a time, everyone else awaits it.
  const inFlight = new Map<string, Promise<Session>>();

  async function load(shop: string): Promise<Session> {
    const session = await storage.loadSession(api.session.getOfflineId(shop));
    if (!session?.accessToken)
      throw new PlatformError(`No offline session for ${shop}: the app is not installed`, false);
    return session;
  }

  function refresh(shop: string): Promise<Session> {
    const running = inFlight.get(shop);
    if (running) return running;
    const job = (async () => {
      const current = await load(shop);
      if (!current.refreshToken)
        throw new PlatformError(`Offline token for ${shop} expired and has no refresh token`, false);
      try {
        const { session } = await api.auth.refreshToken({ shop, refreshToken: current.refreshToken });
        await storage.storeSession(session);
        return session;
      } catch (err) {
        throw toPlatformError(err, "Refreshing the offline token");
      }
    })().finally(() => inFlight.delete(shop));
    inFlight.set(shop, job);
    return job;
  }

  return {
    async session(shop) {
      const running = inFlight.get(shop);
      if (running) return running;
      const session = await load(shop);
      const expiresSoon = session.expires && session.expires.getTime() - now().getTime() < REFRESH_MARGIN_MS;
      return expiresSoon && session.refreshToken ? refresh(shop) : session;
    },
    refresh,
    async exchange(shop, sessionToken) {
      try {
        const { session } = await api.auth.tokenExchange({
          shop,
          sessionToken,
          requestedTokenType: RequestedTokenType.OfflineAccessToken,
          expiring: true,
        });
        await storage.storeSession(session);
        return session;
      } catch (err) {
        throw toPlatformError(err, "Token exchange");
      }
    },
  };
}
