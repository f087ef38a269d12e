// The only module that reads process.env. Everything else receives a frozen Config from main.ts.
import path from "node:path";

export type DatabaseConfig = { kind: "sqlite"; filename: string } | { kind: "postgres"; url: string };

export interface ShopifyCredentials {
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  scopes: string[];
}

export interface Cafe24Credentials {
  clientId: string;
  clientSecret: string;
  /** Where Cafe24 reaches us: App URL `${appUrl}/cafe24/launch`, redirect URI `${appUrl}/cafe24/oauth/callback`. */
  appUrl: string;
  scopes: string[];
  /** The key Cafe24 sends in `x-api-key` with webhooks (Developer Center). */
  webhookKey: string;
}

export interface Config {
  /**
   * "demo": no platform credentials, a local store simulator, no account needed. "production": Shopify's or
   * Cafe24's credentials (or both) present; only the configured platforms are served, no demo store.
   */
  mode: "demo" | "production";
  port: number;
  /** Interface to listen on: loopback in demo mode (its admin has no login), all interfaces in production. */
  host: string;
  database: DatabaseConfig;
  shopify: ShopifyCredentials | null;
  /** Cafe24 app credentials: when set, Cafe24 malls install and sync beside Shopify shops. */
  cafe24: Cafe24Credentials | null;
  /** Demo only: which platform the simulated store runs on (DEMO_PLATFORM, default shopify). */
  demoPlatform: DemoPlatform;
  /** Demo only: seconds between simulated new orders (0 turns it off). */
  demoPlayEverySeconds: number;
  /** X-Forwarded-For entries our own load balancers append behind Shopify's app proxy (0: Shopify connects to us). */
  trustedProxyHops: number;
  /** How many units of each scheduled job (a shop's recompute, publish, reconcile) one instance runs at once. */
  jobConcurrency: number;
  dataDir: string;
}

export type DemoPlatform = "shopify" | "cafe24";
const DEMO_PLATFORMS: readonly DemoPlatform[] = ["shopify", "cafe24"];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

const DEFAULT_SCOPES =
  "read_orders,read_all_orders,read_customers,write_discounts,read_products,write_customers,write_pixels,read_customer_events";
const SHOPIFY_VARS = ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "SHOPIFY_APP_URL"] as const;
const CAFE24_VARS = ["CAFE24_CLIENT_ID", "CAFE24_CLIENT_SECRET", "CAFE24_APP_URL", "CAFE24_WEBHOOK_KEY"] as const;
const CAFE24_DEFAULT_SCOPES =
  "mall.read_order,mall.read_customer,mall.read_privacy,mall.read_promotion,mall.write_promotion,mall.read_application,mall.write_application";

type Env = Record<string, string | undefined>;

/** Validates every variable and throws one ConfigError that lists all problems at once. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const dataDir = path.resolve(cwd, env.DANGOL_DATA_DIR || "data");
  const port = parsePort(env.PORT, problems);
  const database = parseDatabaseUrl(env.DATABASE_URL, dataDir, problems);
  const shopify = parseShopify(env, problems);
  const cafe24 = parseCafe24(env, problems);
  const demoPlayEverySeconds = parseNonNegativeInt(
    "DEMO_PLAY_EVERY_SECONDS",
    env.DEMO_PLAY_EVERY_SECONDS,
    20,
    problems,
  );
  const demoPlatform = parseDemoPlatform(env, Boolean(shopify || cafe24), problems);
  const trustedProxyHops = parseNonNegativeInt("TRUSTED_PROXY_HOPS", env.TRUSTED_PROXY_HOPS, 0, problems);
  if (trustedProxyHops > 10) problems.push(`TRUSTED_PROXY_HOPS must be at most 10 (got "${env.TRUSTED_PROXY_HOPS}")`);
  const jobConcurrency = parseNonNegativeInt("DANGOL_JOB_CONCURRENCY", env.DANGOL_JOB_CONCURRENCY, 2, problems);
  if (jobConcurrency < 1 || jobConcurrency > 32)
    problems.push(`DANGOL_JOB_CONCURRENCY must be between 1 and 32 (got "${env.DANGOL_JOB_CONCURRENCY}")`);
  if (problems.length) throw new ConfigError(problems);
  const production = Boolean(shopify || cafe24);
  const host = env.HOST || (production ? "0.0.0.0" : "127.0.0.1");
  return Object.freeze({
    mode: production ? "production" : "demo",
    port,
    host,
    database,
    shopify,
    cafe24,
    demoPlatform,
    demoPlayEverySeconds,
    trustedProxyHops,
    jobConcurrency,
    dataDir,
  });
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw === "") return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    problems.push(`PORT must be an integer between 1 and 65535 (got "${raw}")`);
    return 0;
  }
  return port;
}

function parseNonNegativeInt(name: string, raw: string | undefined, fallback: number, problems: string[]): number {
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) problems.push(`${name} must be a non-negative integer (got "${raw}")`);
  return Number(raw);
}

export function parseDatabaseUrl(raw: string | undefined, dataDir: string, problems: string[]): DatabaseConfig {
  if (raw === undefined || raw === "") return { kind: "sqlite", filename: path.join(dataDir, "dangol.sqlite") };
  if (raw.startsWith("sqlite:")) {
    const file = raw.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (!file) problems.push(`DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/dangol.sqlite`);
    return { kind: "sqlite", filename: file === ":memory:" ? file : path.resolve(file) };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      const url = new URL(raw);
      if (!url.hostname) throw new Error("no host");
      return { kind: "postgres", url: raw };
    } catch {
      problems.push(`DATABASE_URL is not a valid postgres URL (expected postgres://user:pass@host:5432/db)`);
      return { kind: "postgres", url: "" };
    }
  }
  problems.push(`DATABASE_URL must start with sqlite: or postgres:// (got "${raw.slice(0, 40)}")`);
  return { kind: "sqlite", filename: "" };
}

/**
 * DEMO_PLATFORM: shopify (default) or cafe24. The Cafe24 demo makes up its own app and runs without credentials,
 * so with real ones (Shopify's or Cafe24's) asking for it is a mistake worth stopping for.
 */
function parseDemoPlatform(env: Env, credentialsSet: boolean, problems: string[]): DemoPlatform {
  const raw = env.DEMO_PLATFORM || "shopify";
  if (!DEMO_PLATFORMS.includes(raw as DemoPlatform)) {
    problems.push(`DEMO_PLATFORM must be ${DEMO_PLATFORMS.join(" or ")} (got "${raw.slice(0, 40)}")`);
    return "shopify";
  }
  if (raw === "cafe24" && credentialsSet)
    problems.push(
      "DEMO_PLATFORM=cafe24 is the demo without credentials: unset DEMO_PLATFORM or the SHOPIFY_*/CAFE24_* variables",
    );
  return raw as DemoPlatform;
}

function parseShopify(env: Env, problems: string[]): ShopifyCredentials | null {
  if (!allOrNone(env, SHOPIFY_VARS, "none for demo mode", problems)) return null;
  const appUrl = env.SHOPIFY_APP_URL ?? "";
  if (appUrl && !/^https?:\/\/[^/]+/.test(appUrl))
    problems.push(`SHOPIFY_APP_URL must be an absolute URL (got "${appUrl}")`);
  return {
    apiKey: env.SHOPIFY_API_KEY ?? "",
    apiSecret: env.SHOPIFY_API_SECRET ?? "",
    appUrl,
    scopes: commaList(env.SHOPIFY_SCOPES || DEFAULT_SCOPES),
  };
}

/** All four CAFE24_* variables or none; CAFE24_SCOPES is optional. */
function parseCafe24(env: Env, problems: string[]): Cafe24Credentials | null {
  if (!allOrNone(env, CAFE24_VARS, "none", problems)) return null;
  const appUrl = (env.CAFE24_APP_URL ?? "").replace(/\/+$/, "");
  if (appUrl && !/^https:\/\/[^/]+/.test(appUrl))
    problems.push(`CAFE24_APP_URL must be an https URL (got "${appUrl}")`);
  return {
    clientId: env.CAFE24_CLIENT_ID ?? "",
    clientSecret: env.CAFE24_CLIENT_SECRET ?? "",
    appUrl,
    scopes: commaList(env.CAFE24_SCOPES || CAFE24_DEFAULT_SCOPES),
    webhookKey: env.CAFE24_WEBHOOK_KEY ?? "",
  };
}

/** "a, b,,c" → ["a", "b", "c"]. */
function commaList(raw: string): string[] {
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** False when none of `vars` is set; otherwise names each one missing (a platform's credentials come whole). */
function allOrNone(env: Env, vars: readonly string[], otherwise: string, problems: string[]): boolean {
  if (!vars.some((name) => env[name])) return false;
  for (const name of vars.filter((n) => !env[n]))
    problems.push(`${name} is missing (set all of ${vars.join(", ")} or ${otherwise})`);
  return true;
}
