// startCafe24Simulator: one local HTTP server hosting simulated Cafe24 malls (see README.md).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SimClock } from "../simulator/clock.js";
import { header, parseBody, readBody, sendJson } from "../simulator/http-util.js";
import { CallBucket } from "./call-bucket.js";
import { Cafe24Mall, EVENT_MEMBER_DELETED } from "./mall.js";
import { Cafe24OAuth } from "./oauth.js";
import { seedCafe24FromOnlineRetail } from "./seed.js";
import { Cafe24WebhookSender } from "./webhooks.js";
import { Cafe24HttpError, sendCafe24Error } from "./http.js";
import { countOrders, getOrder, listOrders } from "./orders-api.js";
import { countCustomersPrivacy, listCustomersPrivacy, lookupCustomers } from "./customers-api.js";
import { createCoupon, issueCoupon, listCoupons, listIssues } from "./promotion-api.js";
import { createScriptTag, deleteScriptTag, listScriptTags } from "./scripttags-api.js";
import { memberDeletedWebhookBody, orderWebhookBody } from "./webhook-payloads.js";
import { kstIso } from "./kst.js";
import type {
  Cafe24CallStats,
  Cafe24MallConfig,
  Cafe24SimulatorHandle,
  Cafe24SimulatorOptions,
  Cafe24TokenSet,
} from "./types.js";

interface MallState {
  mall: Cafe24Mall;
  bucket: CallBucket;
  stats: Cafe24CallStats;
}

type Route = {
  method: string;
  pattern: RegExp;
  scope: string | null;
  run: (
    state: MallState,
    match: RegExpExecArray,
    query: URLSearchParams,
    body: Record<string, unknown> | null,
  ) => unknown;
};

export async function startCafe24Simulator(options: Cafe24SimulatorOptions): Promise<Cafe24SimulatorHandle> {
  const clock = new SimClock(options.startAt);
  const oauth = new Cafe24OAuth(options.app, clock);
  const webhooks = new Cafe24WebhookSender({ apiKey: options.app.webhookApiKey, ...options.webhooks });
  for (const s of options.webhooks?.subscriptions ?? []) webhooks.subscribe(s.address, s.mallId);
  const malls = new Map<string, MallState>();
  const clientId = options.app.clientId;

  const addMall = async (config: Cafe24MallConfig): Promise<Cafe24Mall> => {
    if (malls.has(config.mallId)) throw new Error(`Mall ${config.mallId} already exists`);
    const mall = new Cafe24Mall(config.mallId);
    if (config.seed) {
      const seed = await seedCafe24FromOnlineRetail(config.seed);
      mall.load(seed.orders, seed.customers);
    }
    mall.onOrderEvent((eventNo, order) =>
      webhooks.publish(mall.mallId, eventNo, orderWebhookBody(mall, eventNo, order)),
    );
    malls.set(config.mallId, {
      mall,
      bucket: new CallBucket(options.bucket ?? {}, () => clock.now()),
      stats: { calls: 0, refused429: 0 },
    });
    return mall;
  };
  for (const config of options.malls ?? [{ mallId: "demo" }]) await addMall(config);

  const requireMall = (mallId: string): MallState => {
    const state = malls.get(mallId);
    if (!state) throw new Error(`Unknown simulated mall ${mallId}`);
    return state;
  };
  const now = () => clock.now();

  const routes: Route[] = [
    { method: "GET", pattern: /^\/store$/, scope: null, run: (s) => storeJson(s.mall) },
    { method: "GET", pattern: /^\/orders$/, scope: "mall.read_order", run: (s, _m, q) => listOrders(s.mall, q) },
    {
      method: "GET",
      pattern: /^\/orders\/count$/,
      scope: "mall.read_order",
      run: (s, _m, q) => countOrders(s.mall, q),
    },
    {
      method: "GET",
      pattern: /^\/orders\/([\w-]+)$/,
      scope: "mall.read_order",
      run: (s, m, q) => getOrder(s.mall, m[1], q),
    },
    {
      method: "GET",
      pattern: /^\/customersprivacy$/,
      scope: "mall.read_privacy",
      run: (s, _m, q) => listCustomersPrivacy(s.mall, q),
    },
    {
      method: "GET",
      pattern: /^\/customersprivacy\/count$/,
      scope: "mall.read_privacy",
      run: (s, _m, q) => countCustomersPrivacy(s.mall, q),
    },
    {
      method: "GET",
      pattern: /^\/customers$/,
      scope: "mall.read_customer",
      run: (s, _m, q) => lookupCustomers(s.mall, q),
    },
    { method: "GET", pattern: /^\/coupons$/, scope: "mall.read_promotion", run: (s, _m, q) => listCoupons(s.mall, q) },
    {
      method: "POST",
      pattern: /^\/coupons$/,
      scope: "mall.write_promotion",
      run: (s, _m, _q, b) => createCoupon(s.mall, b, now()),
    },
    {
      method: "GET",
      pattern: /^\/coupons\/(\d+)\/issues$/,
      scope: "mall.read_promotion",
      run: (s, m, q) => listIssues(s.mall, m[1], q),
    },
    {
      method: "POST",
      pattern: /^\/coupons\/(\d+)\/issues$/,
      scope: "mall.write_promotion",
      run: (s, m, _q, b) => issueCoupon(s.mall, m[1], b, now()),
    },
    {
      method: "GET",
      pattern: /^\/scripttags$/,
      scope: "mall.read_application",
      run: (s) => listScriptTags(s.mall, clientId),
    },
    {
      method: "POST",
      pattern: /^\/scripttags$/,
      scope: "mall.write_application",
      run: (s, _m, _q, b) => createScriptTag(s.mall, clientId, b, now()),
    },
    {
      method: "DELETE",
      pattern: /^\/scripttags\/(\d+)$/,
      scope: "mall.write_application",
      run: (s, m) => deleteScriptTag(s.mall, clientId, m[1]),
    },
  ];

  const handleAdmin = async (
    mallId: string,
    path: string,
    req: IncomingMessage,
    res: ServerResponse,
    query: URLSearchParams,
  ) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(header(req, "authorization") ?? "")?.[1] ?? "";
    const grant = oauth.accessFor(bearer);
    if (!grant || grant.mallId !== mallId) return sendCafe24Error(res, 401, "Invalid access_token. (access_token)");
    const state = requireMall(mallId);
    const verdict = state.bucket.take();
    if (!verdict.allowed) {
      state.stats.refused429++;
      return sendCafe24Error(res, 429, "Too Many Requests. The API call bucket is full.", verdict.headers);
    }
    state.stats.calls++;
    const route = routes.find((r) => r.method === req.method && r.pattern.test(path));
    if (!route) return sendCafe24Error(res, 404, "No API found or the resource does not exist.", verdict.headers);
    if (route.scope && !grant.scopes.includes(route.scope))
      return sendCafe24Error(res, 403, `The access token has no ${route.scope} scope.`, verdict.headers);
    try {
      const body = req.method === "POST" ? parseBody(await readBody(req), "application/json") : null;
      const result = route.run(state, route.pattern.exec(path)!, query, body);
      sendJson(res, req.method === "POST" ? 201 : 200, result, verdict.headers);
    } catch (error) {
      if (!(error instanceof Cafe24HttpError)) throw error;
      sendCafe24Error(res, error.status, error.message, verdict.headers);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://simulator");
    const prefixed = /^\/malls\/([a-z0-9_-]+)(\/.*)$/.exec(url.pathname);
    const hostMall = /^([a-z0-9_-]+)\.cafe24api\.com(:\d+)?$/.exec(header(req, "host") ?? "")?.[1];
    const mallId = prefixed?.[1] ?? hostMall;
    const path = prefixed ? prefixed[2] : url.pathname;
    if (!mallId || !malls.has(mallId)) return sendCafe24Error(res, 404, "No API found or the resource does not exist.");
    if (req.method === "GET" && path === "/api/v2/oauth/authorize") {
      const answer = oauth.authorize(mallId, url.searchParams);
      if (answer.location) {
        res.writeHead(302, { Location: answer.location });
        res.end();
        return;
      }
      return sendJson(res, answer.status, { error: "invalid_request", error_description: answer.error });
    }
    if (req.method === "POST" && path === "/api/v2/oauth/token") {
      const body = parseBody(await readBody(req), header(req, "content-type") ?? "application/x-www-form-urlencoded");
      const answer = oauth.handleToken(mallId, header(req, "authorization"), body ?? {});
      return sendJson(res, answer.status, answer.body);
    }
    const admin = /^\/api\/v2\/admin(\/.*)$/.exec(path);
    if (admin) return handleAdmin(mallId, admin[1], req, res, url.searchParams);
    sendCafe24Error(res, 404, "No API found or the resource does not exist.");
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) sendCafe24Error(res, 500, error.message);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseUrlFor: (mallId) => `${url}/malls/${mallId}`,
    clock,
    oauth,
    webhooks,
    mall: (mallId) => requireMall(mallId).mall,
    malls: () => [...malls.keys()],
    addMall,
    installApp: (mallId) => {
      requireMall(mallId);
      return oauth.install(mallId) as unknown as Cafe24TokenSet;
    },
    uninstallApp: (mallId) => {
      requireMall(mallId);
      oauth.revokeMall(mallId);
      webhooks.publish(mallId, "MALL.APP.DELETED", {
        resource_type: "APP",
        event_type: "MALL.APP.DELETED",
        resource: { mall_id: mallId, client_id: clientId, deleted_date: kstIso(clock.now()) },
      });
    },
    placeOrder: (mallId, input) => requireMall(mallId).mall.placeOrder({ ...input, at: clock.now() }),
    cancelOrder: (mallId, orderId) => requireMall(mallId).mall.cancelOrder(orderId, clock.now()),
    deleteMembers: (mallId, memberIds) => {
      const { mall } = requireMall(mallId);
      for (const id of memberIds) mall.customers.delete(id);
      webhooks.publish(mallId, EVENT_MEMBER_DELETED, memberDeletedWebhookBody(mall, memberIds));
    },
    callStats: (mallId) => ({ ...requireMall(mallId).stats }),
    close: async () => {
      webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function storeJson(mall: Cafe24Mall) {
  return {
    store: {
      shop_no: mall.shopNo,
      mall_id: mall.mallId,
      shop_name: mall.mallId,
      currency_code: "KRW",
      timezone: "Asia/Seoul",
    },
  };
}
