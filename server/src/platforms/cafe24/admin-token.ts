// The Cafe24 merchant's admin credential. Cafe24 has no App Bridge: the only proof of who the merchant is comes
// with the signed app launch (launch-hmac.ts). After one, we hand the browser our own short-lived HS256 token for
// exactly that mall, signed with the app's client secret, and the admin API accepts it as a Shopify session token
// is accepted for a shop. Claims that no Shopify session token carries (iss, aud, platform) keep the two apart.
import { randomUUID } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { UnauthorizedError } from "../../domain/shared/errors.js";
import { MALL_ID_PATTERN } from "./launch-hmac.js";

export const CAFE24_ADMIN_TOKEN_ISSUER = "dangol-cafe24";
/** The fragment key the launch redirect carries the token in (web/src/api/cafe24-session.ts reads it). */
export const CAFE24_ADMIN_TOKEN_PARAM = "cafe24_token";
const AUDIENCE = "dangol-admin";
/** An hour: long enough for a working session, short enough that a leaked token soon dies. */
export const CAFE24_ADMIN_TOKEN_TTL_SECONDS = 3600;
const CLOCK_TOLERANCE_SECONDS = 10;

/** Raised for any token we did not issue for a mall, or one past its hour; the UI asks for a new launch. */
export const CAFE24_ADMIN_TOKEN_REFUSED =
  "Cafe24 admin session is invalid or expired: open Dangol from your Cafe24 admin again";

const keyOf = (clientSecret: string) => new TextEncoder().encode(clientSecret);

export async function signCafe24AdminToken(
  mallId: string,
  clientSecret: string,
  options: { now?: number; ttlSeconds?: number } = {},
): Promise<string> {
  if (!MALL_ID_PATTERN.test(mallId)) throw new Error(`not a Cafe24 mall id: ${mallId}`);
  const iat = Math.trunc((options.now ?? Date.now()) / 1000);
  const ttl = Math.min(options.ttlSeconds ?? CAFE24_ADMIN_TOKEN_TTL_SECONDS, CAFE24_ADMIN_TOKEN_TTL_SECONDS);
  return new SignJWT({ dest: mallId, platform: "cafe24" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(CAFE24_ADMIN_TOKEN_ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + ttl)
    .setJti(randomUUID())
    .sign(keyOf(clientSecret));
}

/** The mall the token was issued for; UnauthorizedError for anything forged, expired, foreign or malformed. */
export async function verifyCafe24AdminToken(token: string, clientSecret: string, now?: () => number): Promise<string> {
  let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
  try {
    ({ payload } = await jwtVerify(token, keyOf(clientSecret), {
      algorithms: ["HS256"],
      issuer: CAFE24_ADMIN_TOKEN_ISSUER,
      audience: AUDIENCE,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now ? new Date(now()) : undefined,
      requiredClaims: ["exp", "iat", "nbf", "jti", "dest", "platform"],
      maxTokenAge: CAFE24_ADMIN_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (err) {
    const code = err instanceof joseErrors.JOSEError ? ` (${err.code})` : "";
    throw new UnauthorizedError(`${CAFE24_ADMIN_TOKEN_REFUSED}${code}`);
  }
  const { dest, platform, exp, iat } = payload;
  // A token we signed that outlives the hour (a bug or a leaked secret's forgery) is refused too.
  if (typeof exp !== "number" || typeof iat !== "number" || exp - iat > CAFE24_ADMIN_TOKEN_TTL_SECONDS)
    throw new UnauthorizedError(CAFE24_ADMIN_TOKEN_REFUSED);
  if (platform !== "cafe24" || typeof dest !== "string" || !MALL_ID_PATTERN.test(dest))
    throw new UnauthorizedError(CAFE24_ADMIN_TOKEN_REFUSED);
  return dest;
}

/** Our Cafe24 token or something else (a Shopify session token), read from the unverified payload to pick a verifier. */
export function looksLikeCafe24AdminToken(token: string): boolean {
  const payload = token.split(".")[1];
  if (!payload) return false;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: unknown };
    return claims.iss === CAFE24_ADMIN_TOKEN_ISSUER;
  } catch {
    return false;
  }
}
