// OAuth 2.0 authorization-code flow as Cafe24 runs it: a code valid 1 minute and used once, Basic client auth
// on the token endpoint, access tokens for 2 hours, refresh tokens for 2 weeks that rotate on every refresh
// (the old refresh token is refused from then on). Timestamps in answers are KST without an offset, as Cafe24's.
import { randomBytes } from "node:crypto";
import type { SimClock } from "../simulator/clock.js";
import { kstIso } from "./kst.js";

export interface Cafe24AppConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string[];
}

export const ACCESS_TOKEN_TTL_MS = 2 * 3_600_000;
export const REFRESH_TOKEN_TTL_MS = 14 * 86_400_000;
export const CODE_TTL_MS = 60_000;

interface Grant {
  mallId: string;
  scopes: string[];
}
interface Issued extends Grant {
  expiresAt: number;
}

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

const token = () => randomBytes(16).toString("base64url").slice(0, 22);
const kstLocal = (ms: number) => `${kstIso(ms).slice(0, 19)}.000`;

export class Cafe24OAuth {
  private codes = new Map<string, Issued & { redirectUri: string }>();
  private accessTokens = new Map<string, Issued>();
  private refreshTokens = new Map<string, Issued>();
  /** Refresh tokens already exchanged: refused with invalid_grant, as Cafe24 refuses a reused one. */
  readonly usedRefreshTokens = new Set<string>();
  /** Every successful refresh, for tests that count them. */
  refreshCount = 0;

  constructor(
    readonly app: Cafe24AppConfig,
    private readonly clock: SimClock,
  ) {}

  /** The merchant approved: a one-minute code for `redirect_uri?code=&state=`. */
  authorize(mallId: string, params: URLSearchParams): { status: number; location?: string; error?: string } {
    const scopes = (params.get("scope") ?? "").split(/[ ,]+/).filter(Boolean);
    if (params.get("response_type") !== "code") return { status: 400, error: "response_type must be code" };
    if (params.get("client_id") !== this.app.clientId) return { status: 400, error: "invalid client_id" };
    if (params.get("redirect_uri") !== this.app.redirectUri) return { status: 400, error: "redirect_uri mismatch" };
    if (!params.get("state")) return { status: 400, error: "state is required" };
    if (scopes.length === 0 || scopes.some((s) => !this.app.scopes.includes(s)))
      return { status: 400, error: "invalid scope" };
    const code = token();
    this.codes.set(code, {
      mallId,
      scopes,
      redirectUri: this.app.redirectUri,
      expiresAt: this.clock.now() + CODE_TTL_MS,
    });
    const location = new URL(this.app.redirectUri);
    location.searchParams.set("code", code);
    location.searchParams.set("state", params.get("state")!);
    return { status: 302, location: location.toString() };
  }

  /** POST /api/v2/oauth/token for `mallId`. */
  handleToken(mallId: string, authorization: string | undefined, body: Record<string, unknown>): TokenAnswer {
    if (!this.clientAuthenticated(authorization, body))
      return { status: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } };
    const now = this.clock.now();
    if (body.grant_type === "authorization_code") {
      const code = String(body.code ?? "");
      const grant = this.codes.get(code);
      this.codes.delete(code); // one use, even a failed one
      if (!grant || grant.mallId !== mallId || grant.expiresAt <= now)
        return invalidGrant("The authorization code is invalid or expired (codes live 1 minute)");
      if (body.redirect_uri !== grant.redirectUri) return invalidGrant("redirect_uri mismatch");
      return { status: 200, body: this.issue(grant) };
    }
    if (body.grant_type === "refresh_token") {
      const refresh = String(body.refresh_token ?? "");
      const grant = this.refreshTokens.get(refresh);
      if (!grant || grant.mallId !== mallId || grant.expiresAt <= now || this.usedRefreshTokens.has(refresh))
        return invalidGrant("Validation error: refresh_token is invalid, expired or already used");
      this.refreshTokens.delete(refresh);
      this.usedRefreshTokens.add(refresh);
      this.refreshCount++;
      return { status: 200, body: this.issue(grant) };
    }
    return { status: 400, body: { error: "unsupported_grant_type", error_description: "grant_type" } };
  }

  /** The mall and scopes of a live access token, or null. */
  accessFor(accessToken: string): Grant | null {
    const grant = this.accessTokens.get(accessToken);
    return grant && grant.expiresAt > this.clock.now() ? grant : null;
  }

  /** Test shortcut for an approved install: the token answer a code exchange would give. */
  install(mallId: string): Record<string, unknown> {
    return this.issue({ mallId, scopes: this.app.scopes });
  }

  /** The app was deleted from the mall: every token of the mall stops working. */
  revokeMall(mallId: string): void {
    for (const map of [this.accessTokens, this.refreshTokens])
      for (const [key, grant] of map) if (grant.mallId === mallId) map.delete(key);
  }

  private issue(grant: Grant): Record<string, unknown> {
    const now = Math.floor(this.clock.now() / 1000) * 1000;
    const access = token();
    const refresh = token();
    this.accessTokens.set(access, { ...grant, expiresAt: now + ACCESS_TOKEN_TTL_MS });
    this.refreshTokens.set(refresh, { ...grant, expiresAt: now + REFRESH_TOKEN_TTL_MS });
    return {
      access_token: access,
      expires_at: kstLocal(now + ACCESS_TOKEN_TTL_MS),
      refresh_token: refresh,
      refresh_token_expires_at: kstLocal(now + REFRESH_TOKEN_TTL_MS),
      client_id: this.app.clientId,
      mall_id: grant.mallId,
      user_id: grant.mallId,
      scopes: grant.scopes,
      issued_at: kstLocal(now),
      shop_no: "1",
    };
  }

  private clientAuthenticated(authorization: string | undefined, body: Record<string, unknown>): boolean {
    const basic = /^Basic\s+(.+)$/i.exec(authorization ?? "");
    const [id, secret] = basic
      ? Buffer.from(basic[1], "base64").toString("utf8").split(":")
      : [String(body.client_id ?? ""), String(body.client_secret ?? "")];
    return id === this.app.clientId && secret === this.app.clientSecret;
  }
}

function invalidGrant(description: string): TokenAnswer {
  return { status: 400, body: { error: "invalid_grant", error_description: description } };
}
