// startSimulator: one local HTTP server hosting one or more simulated shops (see README.md).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SimClock } from "./clock.js";
import { ShopStore } from "./store.js";
import { CostBucket } from "./throttle.js";
import { TokenAuthority } from "./token-authority.js";
import { WebhookSender } from "./webhook-sender.js";
import { BulkRunner } from "./bulk-operations.js";
import { buildAdminSchema } from "./resolvers/index.js";
import { runGraphql } from "./graphql-endpoint.js";
import { header, parseBody, readBody, sendJson } from "./http-util.js";
import { seedOnlineRetail } from "./seed-online-retail.js";
import { mintSessionToken } from "./session-token.js";
import { createRng, hashString, type Rng } from "./rng.js";
import { playOrders } from "./play-forward.js";
import {
  bulkFinishPayload,
  customersDataRequestPayload,
  customersRedactPayload,
  orderPayload,
  shopPayload,
  shopRedactPayload,
} from "./webhook-payloads.js";
import { parseGid } from "./ids.js";
import { DANGOL_PIXEL_FIELDS } from "./web-pixel-settings.js";
import type { SimShopConfig, SimulatorHandle, SimulatorOptions } from "./types.js";

export const SIMULATOR_API_VERSION = "2026-07";
const INVALID_TOKEN = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };

interface ShopState {
  store: ShopStore;
  bucket: CostBucket;
  rng: Rng;
}

export async function startSimulator(options: SimulatorOptions): Promise<SimulatorHandle> {
  const clock = new SimClock(options.startAt);
  const appId = options.app.appId ?? "7700001";
  const webPixelFields = options.app.webPixelFields ?? DANGOL_PIXEL_FIELDS;
  const shops = new Map<string, ShopState>();
  const schema = buildAdminSchema();
  const tokens = new TokenAuthority(options.app, clock, options.accessTokenTtlSeconds ?? 3600);
  const webhooks = new WebhookSender({
    secret: options.app.apiSecret,
    apiVersion: SIMULATOR_API_VERSION,
    ...options.webhooks,
  });
  for (const s of options.webhooks?.subscriptions ?? []) webhooks.subscribe(s.topic, s.address, s.shop);
  let baseUrl = "";
  const publish = (store: ShopStore, topic: string, payload: unknown) =>
    webhooks.publish(store.domain, topic, payload, clock.date());
  const bulkRunner = new BulkRunner(
    schema,
    () => baseUrl,
    options.bulkDelayMs ?? 50,
    (store, op) => publish(store, "bulk_operations/finish", bulkFinishPayload(op)),
  );

  const addShop = async (config: SimShopConfig): Promise<ShopStore> => {
    if (shops.has(config.domain)) throw new Error(`Shop ${config.domain} already exists`);
    const store = new ShopStore(
      config.domain,
      60_000_000_000 + (hashString(config.domain) % 1_000_000_000),
      config.currency ?? "GBP",
    );
    if (config.seed) store.seedStats = await seedOnlineRetail(store, config.seed);
    store.onOrderEvent((topic, order, at) =>
      webhooks.publish(store.domain, topic, orderPayload(store, order), new Date(at)),
    );
    const throttle = options.throttle ?? {};
    shops.set(config.domain, {
      store,
      bucket: new CostBucket(throttle.maximumAvailable ?? 1000, throttle.restoreRate ?? 100, () => clock.now()),
      rng: createRng(hashString(config.domain)),
    });
    return store;
  };
  for (const shop of options.shops ?? [{ domain: "demo.myshopify.com" }]) await addShop(shop);

  const requireShop = (shop: string): ShopState => {
    const state = shops.get(shop);
    if (!state) throw new Error(`Unknown simulated shop ${shop}`);
    return state;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://simulator");
    const prefixed = /^\/shops\/([^/]+)(\/.*)$/.exec(url.pathname);
    const path = prefixed ? prefixed[2] : url.pathname;
    const hostShop = (header(req, "host") ?? "").replace(/:\d+$/, "");
    const named = prefixed?.[1] ?? header(req, "x-shopify-shop-domain") ?? (shops.has(hostShop) ? hostShop : undefined);

    const bulkFile = /^\/bulk-results\/([a-f0-9]+)\.jsonl$/.exec(path);
    if (req.method === "GET" && bulkFile) {
      const chunks = bulkRunner.files.get(bulkFile[1]);
      if (chunks === undefined) return sendJson(res, 404, { errors: "Not Found" });
      res.writeHead(200, {
        "Content-Type": "application/jsonl",
        "Content-Length": chunks.reduce((n, c) => n + c.length, 0),
      });
      for (const chunk of chunks) if (!res.write(chunk)) await new Promise((resolve) => res.once("drain", resolve));
      res.end();
      return;
    }
    if (req.method === "POST" && path === "/admin/oauth/access_token") {
      if (!named || !shops.has(named)) return sendJson(res, 404, { errors: "Not Found" });
      const body = parseBody(await readBody(req), header(req, "content-type"));
      if (!body)
        return sendJson(res, 400, { error: "invalid_request", error_description: "Body must be JSON or form-encoded" });
      const answer = tokens.handle(named, body);
      return sendJson(res, answer.status, answer.body);
    }
    const graphql = /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/.exec(path);
    if (graphql) {
      if (req.method !== "POST") return sendJson(res, 405, { errors: "Method Not Allowed" });
      const tokenShop = tokens.shopFor(header(req, "x-shopify-access-token") ?? "");
      if (named && !shops.has(named)) return sendJson(res, 404, { errors: "Not Found" });
      if (!tokenShop || (named && tokenShop !== named)) return sendJson(res, 401, INVALID_TOKEN);
      const state = requireShop(tokenShop);
      const text = await readBody(req);
      const body = header(req, "content-type")?.includes("application/graphql")
        ? { query: text }
        : parseBody(text, "application/json");
      if (!body) return sendJson(res, 400, { errors: "Body must be JSON: {query, variables}" });
      const scopes = new Set(tokens.scope.split(","));
      const ctx = {
        store: state.store,
        appId,
        scopes,
        webPixelFields,
        clock,
        bulk: false,
        bulkRunner,
        searchWarnings: [],
      };
      return sendJson(res, 200, await runGraphql(schema, body, ctx, state.bucket));
    }
    sendJson(res, 404, { errors: "Not Found" });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) sendJson(res, 500, { errors: error.message });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000; // longer than clients' idle sockets, so a busy moment never resets a reused connection
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  const customerIdOf = (id: string | number) => {
    const numeric = parseGid(id, "Customer");
    if (numeric === null) throw new Error(`Not a customer id: ${id}`);
    return numeric;
  };

  return {
    url: baseUrl,
    port,
    clock,
    webhooks,
    store: (shop) => requireShop(shop).store,
    shops: () => [...shops.keys()],
    addShop,
    installApp: (shop, opts) => {
      requireShop(shop);
      return tokens.issueOffline(shop, opts?.expiring ?? true);
    },
    mintSessionToken: (shop, opts) => mintSessionToken(shop, options.app.apiKey, options.app.apiSecret, opts),
    uninstallApp: (shop) => {
      const { store } = requireShop(shop);
      tokens.revokeShop(shop);
      publish(store, "app/uninstalled", shopPayload(store));
    },
    requestCustomerRedact: (shop, customerId) => {
      const { store } = requireShop(shop);
      publish(store, "customers/redact", customersRedactPayload(store, customerIdOf(customerId)));
    },
    requestCustomerDataRequest: (shop, customerId) => {
      const { store } = requireShop(shop);
      publish(
        store,
        "customers/data_request",
        customersDataRequestPayload(store, customerIdOf(customerId), Math.floor(clock.now() / 1000)),
      );
    },
    requestShopRedact: (shop) => {
      const { store } = requireShop(shop);
      publish(store, "shop/redact", shopRedactPayload(store));
    },
    playOrders: (shop, n, opts) => {
      const state = requireShop(shop);
      return playOrders(state.store, state.rng, n, clock.now(), opts);
    },
    failBulkOperations: (shop, code) => bulkRunner.failNext(shop, code),
    close: async () => {
      webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
