// A live access token per mall, refreshed shortly before it expires. Cafe24 rotates the refresh token on every
// refresh and refuses the old one, so instances sharing one database must never spend the same refresh token
// twice: the refresher first claims a lease on the stored pair (compare-and-swap on its version), others wait for
// the new pair, and the new pair is stored only over the token it replaced (compare-and-swap on the refresh token).
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/database.js";
import {
  claimCafe24RefreshLease,
  expireCafe24RefreshToken,
  findCafe24Tokens,
  releaseCafe24RefreshLease,
  saveInstalledCafe24Tokens,
  swapCafe24Tokens,
  type Cafe24TokenPair,
} from "../../db/repositories/cafe24-token.repository.js";
import { PlatformError } from "../../domain/shared/errors.js";
import { Cafe24GrantRefused, type Cafe24OAuthClient, type Cafe24Tokens } from "./oauth-client.js";

export interface Cafe24AccessTokensOptions {
  /** Refresh this long before the access token expires. */
  skewMs?: number;
  /** A refresher that died holding the lease is presumed gone after this long (by the database's clock). */
  leaseMs?: number;
  /** How long a waiting instance polls for the refresher's new pair. */
  waitMs?: number;
  now?: () => number;
}

export class Cafe24AccessTokens {
  private readonly owner = randomUUID();
  private readonly skewMs: number;
  private readonly leaseMs: number;
  private readonly waitMs: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    private readonly oauth: Cafe24OAuthClient,
    options: Cafe24AccessTokensOptions = {},
  ) {
    this.skewMs = options.skewMs ?? 5 * 60_000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.waitMs = options.waitMs ?? 20_000;
    this.now = options.now ?? Date.now;
  }

  /** Install: trade the one-minute authorization code for the mall's first pair. */
  async install(mallId: string, code: string): Promise<void> {
    const tokens = await this.oauth.exchangeCode(mallId, code);
    await saveInstalledCafe24Tokens(this.db, mallId, toPair(tokens), new Date(this.now()));
  }

  /**
   * Whether a usable pair is stored for the mall (installed, not erased). A dead refresh token (expired, or refused
   * by Cafe24) is not: only a new consent helps, so the launch must ask for one and the callback store it.
   */
  async isInstalled(mallId: string): Promise<boolean> {
    const row = await findCafe24Tokens(this.db, mallId);
    return row !== undefined && Date.parse(row.refresh_token_expires_at) > this.now();
  }

  /**
   * A live access token. `rejected` is a token Cafe24 just answered 401 to: it is replaced even if not expired
   * (unless another instance already has).
   */
  async accessToken(mallId: string, rejected?: string): Promise<string> {
    const giveUpAt = this.now() + this.waitMs;
    for (;;) {
      const row = await findCafe24Tokens(this.db, mallId);
      if (!row) throw new PlatformError(`Cafe24 mall ${mallId} is not installed`, false);
      const now = this.now();
      const fresh = Date.parse(row.access_token_expires_at) - this.skewMs > now && row.access_token !== rejected;
      if (fresh) return row.access_token;
      if (Date.parse(row.refresh_token_expires_at) <= now)
        throw new PlatformError(
          `Cafe24 refresh token of ${mallId} expired: the merchant must open the app again`,
          false,
        );
      // The lease is timed by the database's clock: instances' clocks may differ by more than a lease.
      const leased = await claimCafe24RefreshLease(this.db, mallId, row.version, this.owner, this.leaseMs);
      if (leased) return this.refreshHeld(mallId, row.refresh_token);
      if (this.now() > giveUpAt) throw new PlatformError(`Cafe24 token refresh of ${mallId} is taking too long`, true);
      await new Promise((resolve) => setTimeout(resolve, 50)); // another instance is refreshing: wait for its pair
    }
  }

  private async refreshHeld(mallId: string, refreshToken: string): Promise<string> {
    let tokens: Cafe24Tokens;
    try {
      tokens = await this.oauth.refresh(mallId, refreshToken);
    } catch (error) {
      if (error instanceof Cafe24GrantRefused)
        await expireCafe24RefreshToken(this.db, mallId, refreshToken, new Date(this.now()));
      await releaseCafe24RefreshLease(this.db, mallId, this.owner);
      throw error;
    }
    // Cafe24 has now spent `refreshToken`: the new pair must be stored, and only over the one it replaces.
    const stored = await swapCafe24Tokens(this.db, mallId, refreshToken, toPair(tokens), new Date(this.now()));
    if (!stored) {
      // A reinstall wrote a newer pair meanwhile; it wins, and ours (from the older grant) is dropped.
      const row = await findCafe24Tokens(this.db, mallId);
      if (!row) throw new PlatformError(`Cafe24 mall ${mallId} was erased during a token refresh`, false);
      return row.access_token;
    }
    return tokens.accessToken;
  }
}

function toPair(tokens: Cafe24Tokens): Cafe24TokenPair {
  return {
    access_token: tokens.accessToken,
    access_token_expires_at: tokens.accessTokenExpiresAt.toISOString(),
    refresh_token: tokens.refreshToken,
    refresh_token_expires_at: tokens.refreshTokenExpiresAt.toISOString(),
    scopes: tokens.scopes.join(" "),
  };
}
