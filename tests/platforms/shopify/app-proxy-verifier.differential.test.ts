// Differential test: our node:crypto app-proxy check against shopify-api's own validateHmac (signator "appProxy",
// same secret, same clock) over 100,000+ random and adversarial raw query strings. They must agree on every
// query, except queries outside the one canonical form (Shopify's five params, each once, with the values Shopify
// sends), which we refuse on purpose: those are counted separately, and every re-split of a genuinely signed
// query must land there.
import "@shopify/shopify-api/adapters/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createHmac } from "node:crypto";
import { parse } from "node:querystring";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { createAppProxyVerifier } from "../../../server/src/platforms/shopify/app-proxy-verifier.js";

const SECRET = "differential-secret";
const CASES = 100_000;
const api = shopifyApi({
  apiKey: "k",
  apiSecretKey: SECRET,
  scopes: [],
  hostName: "localhost",
  apiVersion: ApiVersion.July26,
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error },
});

let clockMs = 0;
const ours = createAppProxyVerifier(SECRET, () => new Date(clockMs));

/** shopify-api's verdict on what Express 5 / node:querystring make of the raw query; a throw is a refusal. */
async function libraryAccepts(raw: string): Promise<boolean> {
  try {
    return await api.utils.validateHmac(parse(raw) as never, { signator: "appProxy" });
  } catch {
    return false;
  }
}

/** The class we refuse on purpose, stated independently of the verifier (through node:querystring). */
const SHOPIFY_KEYS = ["logged_in_customer_id", "path_prefix", "shop", "signature", "timestamp"].join();
function isCanonical(raw: string): boolean {
  const q = parse(raw);
  if (Object.keys(q).sort().join() !== SHOPIFY_KEYS) return false;
  if (raw.split("&").filter((s) => s !== "").length !== 5) return false; // each once (and nothing dropped)
  const v = q as Record<string, string>;
  return (
    /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(v.shop) &&
    v.shop.length <= 255 &&
    /^(|[1-9][0-9]{0,19})$/.test(v.logged_in_customer_id) &&
    v.path_prefix === "/apps/dangol" &&
    /^[0-9]+$/.test(v.timestamp) &&
    /^[0-9a-f]{64}$/.test(v.signature)
  );
}

// ---- generation (seeded, so a failure reproduces) ----
let seed = 0x9e3779b9;
function rnd(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
const chance = (p: number) => rnd() < p;
const ALPHABET = "abcxyz019_-./=&%+ ,#?é😀\u202e";
const randomText = (max: number) => Array.from({ length: int(max + 1) }, () => pick([...ALPHABET])).join("");
const digits = (n: number) => String(1 + int(9)) + Array.from({ length: n - 1 }, () => int(10)).join("");

type Pair = [key: string, value: string];

function shopValue(): string {
  if (chance(0.9)) return `${pick(["demo", "alpha", "x-1"])}${chance(0.5) ? int(100) : ""}.myshopify.com`;
  return pick([
    "Demo.myshopify.com",
    "demo.myshopify.com.evil.com",
    "evil.com",
    "",
    "a=b.myshopify.com",
    "-x.myshopify.com",
    "dém.myshopify.com",
    "demo.myshopify.io",
    randomText(12),
  ]);
}
function customerValue(): string {
  if (chance(0.9)) return chance(0.3) ? "" : digits(1 + int(13));
  return pick(["0", "0123", "gid://shopify/Customer/1", "12a", " 12", "1".repeat(21), "12,13", randomText(6)]);
}
function prefixValue(): string {
  return chance(0.93)
    ? "/apps/dangol"
    : pick(["/apps/other", "/a/dangol", "/apps/dangol/", "", "/APPS/dangol", randomText(8)]);
}
function timestampValue(nowS: number): string {
  const offset = chance(0.5) ? pick([-91, -90, -89, -1, 0, 1, 89, 90, 91]) : int(241) - 120;
  const ts = nowS + offset;
  if (chance(0.9)) return String(ts);
  return pick([
    "",
    "abc",
    "1e3",
    ` ${ts}`,
    `${ts}.0`,
    `0${ts}`,
    `-${ts}`,
    `0x${ts.toString(16)}`,
    "9".repeat(20),
    `${ts}${ts}`,
  ]);
}
const EXTRA_KEYS = [
  "a",
  "ids",
  "customer_id",
  "hmac",
  "logged_in_customer_id",
  "shop",
  "timestamp",
  "path_prefix",
  "signature",
  "x=y",
  "a&b",
  "%",
  "é",
  "😀",
  "",
  "__proto__",
  "constructor",
  "shop=evil",
];
function extraPair(): Pair {
  const key = chance(0.8) ? pick(EXTRA_KEYS) : randomText(6);
  const value = chance(0.3)
    ? `Z${pick(["logged_in_customer_id", "path_prefix", "shop", "timestamp"])}=${digits(5)}`
    : randomText(10);
  return [key, value];
}

/** Percent-encoding the way a browser, Shopify or an attacker might write it (all decode to the same pair). */
function encode(text: string, style: number): string {
  const uri = encodeURIComponent(text);
  switch (style) {
    case 0:
      return uri.replaceAll("%20", "+");
    case 1:
      return uri.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    case 2:
      return text.replace(/[&%+#=]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`); // only what must be escaped
    case 3:
      return [...Buffer.from(text, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
    default:
      return uri;
  }
}

/** Shopify's signed message as shopify-api builds it from the parsed query (localeCompare, "," for repeats, hmac/signature left out). */
function libraryMessage(q: Record<string, string | string[] | undefined>): string {
  return Object.entries(q)
    .filter(([k]) => k !== "signature" && k !== "hmac")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : v}`)
    .join("");
}
const hmacHex = (message: string, secret = SECRET) => createHmac("sha256", secret).update(message).digest("hex");

function serialize(pairs: Pair[]): string {
  const parts = pairs.map(([k, v]) => {
    const style = chance(0.85) ? 4 : int(4);
    return v === "" && chance(0.2) ? encode(k, style) : `${encode(k, style)}=${encode(v, style)}`;
  });
  if (chance(0.03)) parts.splice(int(parts.length + 1), 0, ""); // empty segment
  if (chance(0.02)) parts[int(parts.length)] += pick(["%", "%G1", "%E0%A4%A"]); // malformed escape
  return parts.join("&");
}

/** Adds a signature in one of several right or wrong ways; returns the raw query. */
function signed(raw: string): string {
  const good = hmacHex(libraryMessage(parse(raw)));
  const join = (sig: string) =>
    raw === "" ? `signature=${sig}` : chance(0.5) ? `${raw}&signature=${sig}` : `signature=${sig}&${raw}`;
  const r = rnd();
  if (r < 0.7) return join(good);
  if (r < 0.76) return join(hmacHex(libraryMessage(parse(raw)), "wrong-secret"));
  if (r < 0.78) return join(good.slice(0, 10) + (good[10] === "0" ? "1" : "0") + good.slice(11));
  if (r < 0.82) return join(good.toUpperCase());
  if (r < 0.86) return raw;
  if (r < 0.89) return join("");
  if (r < 0.92) return `${join(good)}&signature=${chance(0.5) ? good : hmacHex("x")}`;
  return join(good.slice(0, 63));
}

function randomQuery(nowS: number): string {
  const pairs: Pair[] = [];
  if (chance(0.95)) pairs.push(["shop", shopValue()]);
  if (chance(0.95)) pairs.push(["logged_in_customer_id", customerValue()]);
  if (chance(0.95)) pairs.push(["path_prefix", prefixValue()]);
  if (chance(0.93)) pairs.push(["timestamp", timestampValue(nowS)]);
  if (chance(0.2)) for (let i = 1 + int(3); i > 0; i--) pairs.push(extraPair());
  pairs.sort(() => rnd() - 0.5);
  return signed(serialize(pairs));
}

/**
 * A genuinely signed query (Shopify's params, sometimes with a shopper's own `?a=Z…=…`), then the same signature
 * on the same message cut at other places: two pairs merged, a value's "k=v" lifted into its own pair, or an "="
 * moved into a key. Only cuts whose message is byte-identical are kept.
 */
function resplitQuery(nowS: number): string | null {
  const pairs: Pair[] = [
    ["shop", `demo${int(50)}.myshopify.com`],
    ["logged_in_customer_id", chance(0.5) ? "" : digits(5)],
    ["path_prefix", "/apps/dangol"],
    ["timestamp", String(nowS + int(121) - 60)],
  ];
  if (chance(0.6))
    pairs.push([
      pick(["a", "b", "l", "ids"]),
      `Z${pick(["logged_in_customer_id", "path_prefix", "shop"])}=${digits(5)}`,
    ]);
  const original = Object.fromEntries(pairs);
  const message = libraryMessage(original);
  const sorted = Object.entries(original).sort(([a], [b]) => a.localeCompare(b));
  const next: Pair[] = sorted.map(([k, v]) => [k, v]);
  const op = int(3);
  const i = int(next.length);
  if (op === 0 && i + 1 < next.length) {
    const [k2, v2] = next.splice(i + 1, 1)[0];
    next[i] = [next[i][0], `${next[i][1]}${k2}=${v2}`];
  } else if (op === 1) {
    const v = next[i][1];
    const eq = v.indexOf("=", 1);
    if (eq === -1) return null;
    const start = int(eq);
    next.splice(i + 1, 0, [v.slice(start, eq), v.slice(eq + 1)]);
    next[i] = [next[i][0], v.slice(0, start)];
  } else {
    const v = next[i][1];
    const eq = v.indexOf("=");
    if (eq === -1) return null;
    next[i] = [`${next[i][0]}=${v.slice(0, eq)}`, v.slice(eq + 1)];
  }
  const keys = next.map(([k]) => k);
  if (new Set(keys).size !== keys.length || keys.includes("") || keys.includes("signature") || keys.includes("hmac"))
    return null;
  const candidate = Object.fromEntries(next);
  if (libraryMessage(candidate) !== message || JSON.stringify(candidate) === JSON.stringify(original)) return null;
  return [
    ...next.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
    `signature=${hmacHex(message)}`,
  ].join("&");
}

/** The attack from the issue, as written there. */
function issueAttack(nowS: number): string {
  const victim = digits(5);
  const message = `a=Zlogged_in_customer_id=${victim}logged_in_customer_id=path_prefix=/apps/dangolshop=demo.myshopify.comtimestamp=${nowS}`;
  return `a=Z&logged_in_customer_id=${victim}&${encodeURIComponent("logged_in_customer_id=path_prefix")}=%2Fapps%2Fdangol&shop=demo.myshopify.com&timestamp=${nowS}&signature=${hmacHex(message)}`;
}

describe("app-proxy verifier vs shopify-api validateHmac", () => {
  beforeAll(() => {
    vi.spyOn(Date, "now").mockImplementation(() => clockMs);
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  it(`agrees on ${CASES.toLocaleString("en")} queries except the non-canonical ones it refuses on purpose`, async () => {
    const counts = {
      total: 0,
      bothAccept: 0,
      bothRefuse: 0,
      refusedOnPurpose: 0,
      resplits: 0,
      resplitsLibraryAccepts: 0,
    };
    const wrong: string[] = [];
    const BATCH = 250;
    for (let n = 0; n < CASES && wrong.length <= 20; n += BATCH) {
      const batch = Array.from({ length: BATCH }, (_, j) => {
        // A fractional clock, so whole-second rounding at the window's edges is exercised too. validateHmac reads
        // Date.now() before its first await, so each case is judged at its own clock even though they run together.
        clockMs = 1_700_000_000_000 + int(1e9) * 1000 + int(1000);
        const nowS = Math.trunc(clockMs / 1000);
        const kind = (n + j) % 10 === 0 ? "resplit" : (n + j) % 97 === 0 ? "attack" : "random";
        const raw =
          kind === "random"
            ? randomQuery(nowS)
            : kind === "attack"
              ? issueAttack(nowS)
              : (resplitQuery(nowS) ?? issueAttack(nowS));
        return { kind, raw, theirs: libraryAccepts(raw), mine: ours(raw) };
      });
      for (const { kind, raw, mine, theirs: pending } of batch) {
        const theirs = await pending;
        const canonical = isCanonical(raw);
        counts.total++;
        if (kind !== "random") {
          counts.resplits++;
          if (theirs) counts.resplitsLibraryAccepts++;
          if (mine || canonical) wrong.push(`re-split accepted or canonical: ${raw}`);
        }
        if (mine && !theirs) wrong.push(`we accept, shopify-api refuses: ${raw}`);
        if (!canonical && mine) wrong.push(`non-canonical accepted: ${raw}`);
        if (canonical && Boolean(mine) !== theirs)
          wrong.push(`canonical, verdicts differ (ours ${Boolean(mine)}): ${raw}`);
        if (mine) {
          const q = parse(raw) as Record<string, string>;
          if (mine.shop !== q.shop || mine.customerId !== (q.logged_in_customer_id || null))
            wrong.push(`identity differs: ${raw}`);
        }
        if (mine && theirs) counts.bothAccept++;
        else if (!mine && !theirs) counts.bothRefuse++;
        else if (!mine && theirs) counts.refusedOnPurpose++;
      }
    }
    console.log("app-proxy differential:", counts);
    expect(wrong).toEqual([]);
    expect(counts.total).toBe(CASES);
    // The run is only meaningful if every verdict class occurs often.
    expect(counts.bothAccept).toBeGreaterThan(10_000);
    expect(counts.bothRefuse).toBeGreaterThan(10_000);
    expect(counts.resplitsLibraryAccepts).toBeGreaterThan(5_000);
    expect(counts.refusedOnPurpose).toBeGreaterThanOrEqual(counts.resplitsLibraryAccepts);
  }, 60_000);
});
