// App Bridge session tokens (HS256 JWT signed with the app secret), minted and verified with node:crypto.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

export interface SessionTokenClaims {
  iss: string;
  dest: string;
  aud: string;
  sub: string;
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  sid: string;
}

const b64 = (value: string | Buffer) => Buffer.from(value).toString("base64url");

export function mintSessionToken(
  shop: string,
  apiKey: string,
  secret: string,
  options: { userId?: string; ttlSeconds?: number } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const claims: SessionTokenClaims = {
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: apiKey,
    sub: options.userId ?? "1",
    exp: now + (options.ttlSeconds ?? 60),
    nbf: now - 1,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const unsigned = `${b64(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${b64(JSON.stringify(claims))}`;
  return `${unsigned}.${createHmac("sha256", secret).update(unsigned).digest("base64url")}`;
}

/** Returns the claims when the signature, audience and time window check out (10 s leeway, as the library). */
export function verifySessionToken(token: string, apiKey: string, secret: string): SessionTokenClaims | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const expected = createHmac("sha256", secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0], "base64url").toString()) as { alg?: string };
    const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString()) as SessionTokenClaims;
    const now = Math.floor(Date.now() / 1000);
    if (header.alg !== "HS256" || claims.aud !== apiKey) return null;
    if (claims.exp + 10 < now || claims.nbf - 10 > now) return null;
    return claims;
  } catch {
    return null;
  }
}
