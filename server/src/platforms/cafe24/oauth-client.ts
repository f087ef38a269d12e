// Cafe24 OAuth 2.0 (authorization code): the authorize URL with `state`, the code exchange and the refresh, both
// POSTed form-encoded to /api/v2/oauth/token with `Authorization: Basic base64(client_id:client_secret)`.
import { PlatformError } from "../../domain/shared/errors.js";
import { parseCafe24Instant } from "./kst-days.js";

export interface Cafe24AppCredentials {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string[];
}

export interface Cafe24Tokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  scopes: string[];
}

/** Cafe24 refused the grant (a used, expired or unknown code or refresh token): retrying cannot help. */
export class Cafe24GrantRefused extends PlatformError {
  constructor(description: string) {
    super(`Cafe24 refused the grant: ${description}`, false);
  }
}

export type BaseUrlFor = (mallId: string) => string;
export const cafe24BaseUrl: BaseUrlFor = (mallId) => `https://${mallId}.cafe24api.com`;

export class Cafe24OAuthClient {
  constructor(
    private readonly app: Cafe24AppCredentials,
    private readonly baseUrlFor: BaseUrlFor = cafe24BaseUrl,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  authorizeUrl(mallId: string, state: string): string {
    const url = new URL(`${this.baseUrlFor(mallId)}/api/v2/oauth/authorize`);
    url.searchParams.set("response_type", "code");
    url.searchParams.set("client_id", this.app.clientId);
    url.searchParams.set("state", state);
    url.searchParams.set("redirect_uri", this.app.redirectUri);
    url.searchParams.set("scope", this.app.scopes.join(","));
    return url.toString();
  }

  exchangeCode(mallId: string, code: string): Promise<Cafe24Tokens> {
    return this.token(mallId, { grant_type: "authorization_code", code, redirect_uri: this.app.redirectUri });
  }

  refresh(mallId: string, refreshToken: string): Promise<Cafe24Tokens> {
    return this.token(mallId, { grant_type: "refresh_token", refresh_token: refreshToken });
  }

  private async token(mallId: string, form: Record<string, string>): Promise<Cafe24Tokens> {
    const basic = Buffer.from(`${this.app.clientId}:${this.app.clientSecret}`).toString("base64");
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.baseUrlFor(mallId)}/api/v2/oauth/token`, {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new PlatformError(`Cafe24 token endpoint unreachable: ${(error as Error).message}`, true);
    }
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.status === 400 && body.error === "invalid_grant")
      throw new Cafe24GrantRefused(String(body.error_description));
    if (res.status >= 500) throw new PlatformError(`Cafe24 token endpoint: HTTP ${res.status}`, true);
    if (!res.ok || typeof body.access_token !== "string" || typeof body.refresh_token !== "string")
      throw new PlatformError(`Cafe24 token endpoint: HTTP ${res.status} ${String(body.error ?? "")}`, false);
    return {
      accessToken: body.access_token,
      accessTokenExpiresAt: parseCafe24Instant(String(body.expires_at)),
      refreshToken: body.refresh_token,
      refreshTokenExpiresAt: parseCafe24Instant(String(body.refresh_token_expires_at)),
      scopes: Array.isArray(body.scopes) ? body.scopes.map(String) : [],
    };
  }
}
