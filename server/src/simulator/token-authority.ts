// Access tokens per shop, Shopify's /admin/oauth/access_token grants (token exchange, refresh with rotation).
import { randomBytes } from "node:crypto";
import type { SimClock } from "./clock.js";
import type { InstalledApp, SimAppConfig } from "./types.js";
import { verifySessionToken } from "./session-token.js";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";
const REFRESH_TTL_SECONDS = 90 * 86_400;

interface AccessToken {
  shop: string;
  expiresAt: number | null;
  revoked: boolean;
}
interface RefreshToken {
  shop: string;
  expiresAt: number;
  replacedBy: string | null;
  used: boolean;
  revoked: boolean;
}

export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

export class TokenAuthority {
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();

  constructor(
    private readonly app: SimAppConfig,
    private readonly clock: SimClock,
    private readonly ttlSeconds: number,
  ) {}

  get scope(): string {
    return (
      this.app.scopes ?? [
        "read_orders",
        "read_all_orders",
        "read_customers",
        "write_customers",
        "write_discounts",
        "read_products",
        "write_pixels",
        "read_customer_events",
      ]
    ).join(",");
  }

  /** The shop an Admin API token belongs to, or null when unknown, revoked or expired. */
  shopFor(token: string): string | null {
    const record = this.access.get(token);
    if (!record || record.revoked) return null;
    if (record.expiresAt !== null && record.expiresAt <= this.clock.now()) return null;
    return record.shop;
  }

  issueOffline(shop: string, expiring: boolean): InstalledApp {
    const accessToken = `shpat_${randomBytes(16).toString("hex")}`;
    this.access.set(accessToken, {
      shop,
      expiresAt: expiring ? this.clock.now() + this.ttlSeconds * 1000 : null,
      revoked: false,
    });
    if (!expiring) return { shop, accessToken, scope: this.scope };
    const refreshToken = `shprt_${randomBytes(16).toString("hex")}`;
    this.refresh.set(refreshToken, {
      shop,
      expiresAt: this.clock.now() + REFRESH_TTL_SECONDS * 1000,
      replacedBy: null,
      used: false,
      revoked: false,
    });
    return {
      shop,
      accessToken,
      scope: this.scope,
      expiresIn: this.ttlSeconds,
      refreshToken,
      refreshTokenExpiresIn: REFRESH_TTL_SECONDS,
    };
  }

  revokeShop(shop: string): void {
    for (const record of this.access.values()) if (record.shop === shop) record.revoked = true;
    for (const record of this.refresh.values()) if (record.shop === shop) record.revoked = true;
  }

  /** POST /admin/oauth/access_token for `shop`. */
  handle(shop: string, body: Record<string, unknown>): TokenResponse {
    if (body.client_id !== this.app.apiKey || body.client_secret !== this.app.apiSecret) {
      return { status: 401, body: { error: "invalid_client", error_description: "Client credentials are invalid" } };
    }
    if (body.grant_type === TOKEN_EXCHANGE) return this.exchange(shop, body);
    if (body.grant_type === "refresh_token") return this.rotate(shop, String(body.refresh_token ?? ""));
    return {
      status: 400,
      body: { error: "unsupported_grant_type", error_description: `Unsupported grant_type ${String(body.grant_type)}` },
    };
  }

  private exchange(shop: string, body: Record<string, unknown>): TokenResponse {
    const claims =
      typeof body.subject_token === "string"
        ? verifySessionToken(body.subject_token, this.app.apiKey, this.app.apiSecret)
        : null;
    if (!claims || claims.dest !== `https://${shop}`) {
      return {
        status: 400,
        body: {
          error: "invalid_subject_token",
          error_description: "Session token is invalid, expired or for another shop",
        },
      };
    }
    if (body.requested_token_type === ONLINE) {
      const accessToken = `shpua_${randomBytes(16).toString("hex")}`;
      this.access.set(accessToken, { shop, expiresAt: this.clock.now() + 86_399_000, revoked: false });
      return {
        status: 200,
        body: {
          access_token: accessToken,
          scope: this.scope,
          expires_in: 86_399,
          associated_user_scope: this.scope,
          associated_user: {
            id: Number(claims.sub) || 1,
            first_name: "Demo",
            last_name: "Staff",
            email: `staff@${shop}`,
            account_owner: true,
            locale: "en",
            collaborator: false,
            email_verified: true,
          },
        },
      };
    }
    if (body.requested_token_type !== OFFLINE)
      return { status: 400, body: { error: "invalid_request", error_description: "Unknown requested_token_type" } };
    return {
      status: 200,
      body: this.tokenBody(
        this.issueOffline(shop, body.expiring === "1" || body.expiring === 1 || body.expiring === true),
      ),
    };
  }

  /** Refresh tokens rotate; a used one stays retryable until its replacement is used once. */
  private rotate(shop: string, token: string): TokenResponse {
    const record = this.refresh.get(token);
    const replacementUsed = record?.replacedBy ? this.refresh.get(record.replacedBy)?.used : false;
    if (!record || record.shop !== shop || record.revoked || record.expiresAt <= this.clock.now() || replacementUsed) {
      return {
        status: 400,
        body: { error: "invalid_grant", error_description: "The refresh token is invalid, expired or already rotated" },
      };
    }
    record.used = true;
    const issued = this.issueOffline(shop, true);
    record.replacedBy = issued.refreshToken!;
    return { status: 200, body: this.tokenBody(issued) };
  }

  private tokenBody(issued: InstalledApp): Record<string, unknown> {
    return {
      access_token: issued.accessToken,
      scope: issued.scope,
      ...(issued.expiresIn
        ? {
            expires_in: issued.expiresIn,
            refresh_token: issued.refreshToken,
            refresh_token_expires_in: issued.refreshTokenExpiresIn,
          }
        : {}),
    };
  }
}
