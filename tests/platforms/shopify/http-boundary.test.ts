// The Shopify adapter at the HTTP boundary: a tiny local server records what the adapter sends and replays
// scripted answers (THROTTLED as HTTP 200, 401 then refresh), so headers, paths and waits are checked exactly.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LogSeverity, Session } from "@shopify/shopify-api";
import { createShopifyStack, type ShopifyStack } from "../../../server/src/platforms/shopify/shopify-stack.js";
import { routeShopTo } from "../../../server/src/platforms/shopify/shop-routing.js";
import { createTestDb, type TestDb } from "../../helpers/test-db.js";

const SHOP = "boundary.myshopify.com";
interface Recorded {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}
type Answer = { status: number; body: unknown };

const EMPTY_ORDERS = {
  data: { orders: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } },
  extensions: {
    cost: {
      requestedQueryCost: 866,
      actualQueryCost: 2,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 998, restoreRate: 100 },
    },
  },
};
const THROTTLED = {
  errors: [
    {
      message: "Throttled",
      extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
    },
  ],
  extensions: {
    cost: {
      requestedQueryCost: 866,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 466, restoreRate: 100 },
    },
  },
};

/** The shop's offline session: this access token for `expiresInMs`, and a refresh token (valid a day) when given. */
const offlineSession = (accessToken: string, expiresInMs: number, refreshToken?: string) =>
  new Session({
    id: `offline_${SHOP}`,
    shop: SHOP,
    state: "",
    isOnline: false,
    accessToken,
    expires: new Date(Date.now() + expiresInMs),
    ...(refreshToken && { refreshToken, refreshTokenExpires: new Date(Date.now() + 86_400_000) }),
  });

describe("Shopify adapter at the HTTP boundary", () => {
  let t: TestDb;
  let server: Server;
  let stack: ShopifyStack;
  const recorded: Recorded[] = [];
  let script: Answer[] = [];
  const sleeps: number[] = [];

  beforeAll(async () => {
    t = await createTestDb();
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        recorded.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
        const answer = script.shift() ?? { status: 500, body: { errors: "unscripted" } };
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    routeShopTo(SHOP, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    stack = createShopifyStack(t.db, {
      apiKey: "k",
      apiSecret: "s",
      appUrl: "https://app.example.com",
      scopes: ["read_orders"],
      logLevel: LogSeverity.Error,
      graphql: { sleep: async (ms) => void sleeps.push(ms) },
    });
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await t.destroy();
  });
  beforeEach(async () => {
    recorded.length = 0;
    sleeps.length = 0;
    script = [];
    await stack.sessionStorage.storeSession(offlineSession("tok-1", 3_600_000, "ref-1"));
  });

  it("posts GraphQL to the pinned API version with the shop's access token", async () => {
    script = [{ status: 200, body: EMPTY_ORDERS }];
    await stack.platform.listOrders(SHOP, { updatedSince: new Date("2026-01-01T00:00:00Z") });
    expect(recorded).toHaveLength(1);
    expect(recorded[0].method).toBe("POST");
    expect(recorded[0].path).toBe("/admin/api/2026-07/graphql.json");
    expect(recorded[0].headers["x-shopify-access-token"]).toBe("tok-1");
    expect(recorded[0].headers["x-shopify-shop-domain"]).toBe(SHOP);
    expect(JSON.parse(recorded[0].body).variables).toMatchObject({
      first: 8,
      query: "updated_at:>'2026-01-01T00:00:00.000Z'",
    });
  });

  it("waits (requested − available) / restoreRate after THROTTLED (HTTP 200), then retries", async () => {
    script = [
      { status: 200, body: THROTTLED },
      { status: 200, body: EMPTY_ORDERS },
    ];
    const page = await stack.platform.listOrders(SHOP, {});
    expect(page.items).toEqual([]);
    expect(recorded).toHaveLength(2);
    expect(sleeps).toEqual([4000]); // (866 − 466) / 100 s
  });

  it("refreshes an offline token about to expire before calling, and stores the rotated tokens", async () => {
    await stack.sessionStorage.storeSession(offlineSession("tok-old", 60_000, "ref-old"));
    script = [
      {
        status: 200,
        body: {
          access_token: "tok-new",
          scope: "read_orders",
          expires_in: 3600,
          refresh_token: "ref-new",
          refresh_token_expires_in: 7_776_000,
        },
      },
      { status: 200, body: EMPTY_ORDERS },
    ];
    await stack.platform.listOrders(SHOP, {});
    expect(recorded[0].path).toBe("/admin/oauth/access_token");
    expect(JSON.parse(recorded[0].body)).toMatchObject({
      grant_type: "refresh_token",
      refresh_token: "ref-old",
      client_id: "k",
    });
    expect(recorded[1].headers["x-shopify-access-token"]).toBe("tok-new");
    const stored = await stack.sessionStorage.loadSession(`offline_${SHOP}`);
    expect(stored?.accessToken).toBe("tok-new");
    expect(stored?.refreshToken).toBe("ref-new");
  });

  it("refreshes once and retries after a 401", async () => {
    script = [
      { status: 401, body: { errors: "[API] Invalid API key or access token" } },
      {
        status: 200,
        body: {
          access_token: "tok-2",
          scope: "read_orders",
          expires_in: 3600,
          refresh_token: "ref-2",
          refresh_token_expires_in: 7_776_000,
        },
      },
      { status: 200, body: EMPTY_ORDERS },
    ];
    await stack.platform.listOrders(SHOP, {});
    expect(recorded.map((r) => r.path)).toEqual([
      "/admin/api/2026-07/graphql.json",
      "/admin/oauth/access_token",
      "/admin/api/2026-07/graphql.json",
    ]);
    expect(recorded[2].headers["x-shopify-access-token"]).toBe("tok-2");
  });

  it("has no access once Shopify refuses both the token and its refresh (what an uninstall does)", async () => {
    script = [
      { status: 401, body: { errors: "[API] Invalid API key or access token" } },
      { status: 400, body: { error: "invalid_grant", error_description: "The refresh token is revoked" } },
    ];
    expect(await stack.platform.hasAccess(SHOP)).toBe(false);
    script = [{ status: 200, body: { data: { shop: { id: "gid://shopify/Shop/1" } } } }];
    await stack.sessionStorage.storeSession(offlineSession("tok-1", 3_600_000));
    expect(await stack.platform.hasAccess(SHOP)).toBe(true);
  });

  it("cannot tell (throws retriable) while Shopify is down, so an uninstall is neither applied nor dropped yet", async () => {
    script = Array.from({ length: 8 }, () => ({ status: 503, body: { errors: "unavailable" } }));
    await expect(stack.platform.hasAccess(SHOP)).rejects.toMatchObject({ name: "PlatformError", retriable: true });
  });

  const coupon = {
    customerId: "1",
    code: "DG-X",
    title: "t",
    percentOff: 0.1,
    startsAt: new Date(),
    endsAt: new Date(Date.now() + 86_400_000),
  };
  const taken = {
    status: 200,
    body: {
      data: {
        discountCodeBasicCreate: {
          codeDiscountNode: null,
          userErrors: [{ field: ["basicCodeDiscount", "code"], code: "TAKEN", message: "Code must be unique" }],
        },
      },
    },
  };
  const byCode = (customerIds: string[]) => ({
    status: 200,
    body: {
      data: {
        codeDiscountNodeByCode: {
          id: "gid://shopify/DiscountCodeNode/77",
          codeDiscount: {
            endsAt: "2026-12-01T00:00:00Z",
            context: { customers: customerIds.map((id) => ({ id: `gid://shopify/Customer/${id}` })) },
          },
        },
      },
    },
  });

  it("turns a userErrors answer into a non-retriable PlatformError", async () => {
    script = [
      {
        status: 200,
        body: {
          data: {
            discountCodeBasicCreate: {
              codeDiscountNode: null,
              userErrors: [
                {
                  field: ["basicCodeDiscount", "customerGets", "value", "percentage"],
                  code: "VALUE_OUTSIDE_RANGE",
                  message: "Value must be between 0.0 and 1.0",
                },
              ],
            },
          },
        },
      },
    ];
    await expect(stack.platform.createCustomerCoupon(SHOP, coupon)).rejects.toMatchObject({
      name: "PlatformError",
      retriable: false,
      message: expect.stringContaining("between 0.0 and 1.0"),
    });
    expect(recorded).toHaveLength(1);
  });

  it("adopts a TAKEN code that is this customer's own (a retry after a lost answer)", async () => {
    script = [taken, byCode(["1"])];
    await expect(stack.platform.createCustomerCoupon(SHOP, coupon)).resolves.toEqual({
      discountId: "gid://shopify/DiscountCodeNode/77",
      code: "DG-X",
      customerId: "1",
      endsAt: new Date("2026-12-01T00:00:00Z"),
    });
    expect(JSON.parse(recorded[1].body)).toMatchObject({ variables: { code: "DG-X" } });
  });

  it("refuses a TAKEN code held by anyone else (another customer, or a shared discount)", async () => {
    for (const holders of [["2"], ["1", "2"], []]) {
      script = [taken, byCode(holders)];
      await expect(stack.platform.createCustomerCoupon(SHOP, coupon)).rejects.toMatchObject({
        name: "PlatformError",
        retriable: false,
        message: expect.stringContaining("Code must be unique"),
      });
    }
  });
});
