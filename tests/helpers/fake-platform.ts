// The one in-memory CommercePlatform for service tests, held to the same contract as the real adapters
// (tests/contract/fake-platform.test.ts). Faithful where the contract is: it refuses a shop it was never installed
// on, an order or customer the shop does not have, another customer's code, and every capability it is built
// without (bulk export, metafields). `fail` injects the platform failures the service tests need.
import { timingSafeEqual } from "node:crypto";
import { PlatformError } from "../../server/src/domain/shared/errors.js";
import type { Order } from "../../server/src/domain/orders/order.js";
import type {
  CommercePlatform,
  Coupon,
  CouponRequest,
  CustomerMetafield,
  ListOptions,
  Page,
  PlatformCapabilities,
  PlatformCustomer,
  PlatformId,
  VerifiedWebhook,
} from "../../server/src/platforms/commerce-platform.js";

export const FAKE_SHOPIFY_CAPABILITIES: PlatformCapabilities = {
  bulkExport: true,
  storefrontDelivery: "metafields",
  couponModel: "code-per-customer",
  // The fake has no segment editor: the segment fields are Shopify's (the simulator) only.
  customerSegmentMetafields: false,
};
export const FAKE_CAFE24_CAPABILITIES: PlatformCapabilities = {
  bulkExport: false,
  storefrontDelivery: "script-asks-server",
  couponModel: "coupon-issued-to-member",
  customerSegmentMetafields: false,
};

/** Metafields per platform call, as Shopify's metafieldsSet takes them. */
const METAFIELD_BATCH = 25;
export const FAKE_WEBHOOK_KEY_HEADER = "x-fake-webhook-key";

interface FakeShop {
  orders: Order[];
  customers: Map<string, PlatformCustomer>;
  /** Code → the request that created it (codes are unique per shop). */
  codes: Map<string, { request: CouponRequest; discountId: string }>;
  exports: Map<string, Order[]>;
}

export interface FakePlatformOptions {
  id?: PlatformId;
  capabilities?: PlatformCapabilities;
  webhookKey?: string;
}

export function createFakePlatform(options: FakePlatformOptions = {}) {
  const id = options.id ?? "shopify";
  const capabilities = options.capabilities ?? FAKE_SHOPIFY_CAPABILITIES;
  const webhookKey = options.webhookKey ?? "fake-webhook-key";
  const shops = new Map<string, FakeShop>();
  /** Every coupon the platform created, in order (across shops). */
  const coupons: CouponRequest[] = [];
  /** Metafields written, one entry per platform-sized batch (refused ones left out). */
  const metafieldCalls: CustomerMetafield[][] = [];
  const refusedMetafields: CustomerMetafield[] = [];
  /**
   * Failures to inject, each counting down per call: coupons (retriable, nothing created), couponsRefused
   * (non-retriable, nothing created), couponsLostAnswer (created, then the answer is lost), metafields (retriable).
   */
  const fail = { coupons: 0, couponsRefused: 0, couponsLostAnswer: 0, metafields: 0 };

  const refused = (message: string) => new PlatformError(message, false);
  function shopOf(shop: string): FakeShop {
    const state = shops.get(shop);
    if (!state) throw refused(`Shop ${shop} has not installed the app`);
    return state;
  }
  function lacks(what: string): never {
    throw refused(`${id} (fake) has no ${what}`);
  }
  function page<T>(all: T[], options: ListOptions): Page<T> {
    const start = options.cursor ? Number(options.cursor) : 0;
    if (!Number.isInteger(start) || start < 0 || start > all.length) throw refused(`Invalid cursor ${options.cursor}`);
    const end = start + (options.pageSize ?? 50);
    return { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null };
  }
  const since = <T extends { updatedAt: Date }>(all: T[], updatedSince?: Date) =>
    updatedSince ? all.filter((r) => r.updatedAt > updatedSince) : all;

  const platform: CommercePlatform = {
    id,
    capabilities,
    async listOrders(shop, options) {
      return page(since(shopOf(shop).orders, options.updatedSince), options);
    },
    async listCustomers(shop, options) {
      return page(since([...shopOf(shop).customers.values()], options.updatedSince), options);
    },
    async countOrders(shop, options) {
      return since(shopOf(shop).orders, options.updatedSince).length;
    },
    async startBulkExport(shop, options) {
      if (!capabilities.bulkExport) lacks("bulk export");
      const state = shopOf(shop);
      const exportId = `export-${state.exports.size + 1}`;
      // A domain order keeps no creation time: processedAt stands in for created_at.
      const created = (o: Order) =>
        (!options.createdFrom || o.processedAt >= options.createdFrom) &&
        (!options.createdBefore || o.processedAt < options.createdBefore);
      state.exports.set(exportId, since(state.orders, options.updatedSince).filter(created));
      return { id: exportId };
    },
    async getBulkExport(shop, exportId) {
      if (!capabilities.bulkExport) lacks("bulk export");
      const orders = shopOf(shop).exports.get(exportId);
      if (!orders) throw refused(`No bulk export ${exportId}`);
      return { id: exportId, state: "completed", objectCount: orders.length, rootObjectCount: orders.length };
    },
    readBulkExport(shop, exportId) {
      if (!capabilities.bulkExport) lacks("bulk export");
      const orders = shopOf(shop).exports.get(exportId);
      if (!orders) throw refused(`No bulk export ${exportId}`);
      return (async function* () {
        yield* orders;
      })();
    },
    async createCustomerCoupon(shop, request): Promise<Coupon> {
      const state = shopOf(shop);
      if (!state.customers.has(request.customerId)) throw refused(`Customer ${request.customerId} does not exist`);
      if (fail.coupons > 0) {
        fail.coupons--;
        throw new PlatformError("discounts down", true);
      }
      if (fail.couponsRefused > 0) {
        fail.couponsRefused--;
        throw refused("Value must be between 0.0 and 1.0");
      }
      // Yield so concurrent publishers really interleave.
      await new Promise((r) => setTimeout(r, 5));
      let held = state.codes.get(request.code);
      if (held && held.request.customerId !== request.customerId) throw refused("Code must be unique");
      if (!held) {
        coupons.push(request);
        const n = coupons.length;
        held = { request, discountId: id === "shopify" ? `gid://shopify/DiscountCodeNode/${n}` : String(n) };
        state.codes.set(request.code, held);
      }
      if (fail.couponsLostAnswer > 0) {
        fail.couponsLostAnswer--;
        throw new PlatformError("socket hang up", true);
      }
      return {
        discountId: held.discountId,
        code: request.code,
        customerId: request.customerId,
        endsAt: held.request.endsAt,
      };
    },
    async setCustomerMetafields(shop, metafields) {
      if (capabilities.storefrontDelivery !== "metafields") lacks("customer metafields");
      const state = shopOf(shop);
      if (fail.metafields > 0) {
        fail.metafields--;
        throw new PlatformError("metafields down", true);
      }
      const rejected = [];
      for (let i = 0; i < metafields.length; i += METAFIELD_BATCH) {
        const batch = metafields.slice(i, i + METAFIELD_BATCH);
        const gone = batch.filter((m) => !state.customers.has(m.customerId));
        refusedMetafields.push(...gone);
        rejected.push(
          ...gone.map((m) => ({
            customerId: m.customerId,
            reason: "unknown_customer" as const,
            message: "Owner does not exist.",
          })),
        );
        metafieldCalls.push(batch.filter((m) => state.customers.has(m.customerId)));
      }
      return { rejected };
    },
    /** A body `{ topic, shop, id, payload }` sent with the configured key; anything else is refused (null). */
    async verifyWebhook(rawBody, headers) {
      const key = headers[FAKE_WEBHOOK_KEY_HEADER];
      if (typeof key !== "string" || !sameText(key, webhookKey)) return null;
      let body: { topic?: unknown; shop?: unknown; id?: unknown; payload?: unknown };
      try {
        body = JSON.parse(rawBody.toString("utf8"));
      } catch {
        return null;
      }
      if (typeof body?.topic !== "string" || typeof body.shop !== "string" || typeof body.id !== "string") return null;
      const hook: VerifiedWebhook = {
        topic: body.topic,
        shopDomain: body.shop,
        webhookId: body.id,
        eventId: null,
        triggeredAt: null,
        apiVersion: null,
        payload: body.payload ?? {},
      };
      return hook;
    },
    async hasAccess(shop) {
      return shops.has(shop);
    },
    async orderBelongsTo(shop, orderId) {
      return shopOf(shop).orders.some((o) => o.id === orderId);
    },
    // No signed storefront proxy in the fake: nothing it is asked to verify holds.
    verifyAppProxy: () => null,
  };

  function install(shop: string, data: { orders?: Order[]; customers?: Array<string | PlatformCustomer> } = {}) {
    shops.set(shop, { orders: [], customers: new Map(), codes: new Map(), exports: new Map() });
    addCustomers(shop, data.customers ?? []);
    addOrders(shop, data.orders ?? []);
  }
  function addCustomers(shop: string, customers: Array<string | PlatformCustomer>) {
    const state = shopOf(shop);
    for (const c of customers) {
      const customer = typeof c === "string" ? aCustomer(c) : c;
      state.customers.set(customer.id, customer);
    }
  }
  function addOrders(shop: string, orders: Order[]) {
    shopOf(shop).orders.push(...orders);
  }
  /** The customer was deleted or merged on the platform: its metafields and coupons are refused from now on. */
  function forgetCustomer(shop: string, customerId: string) {
    shopOf(shop).customers.delete(customerId);
  }
  /** The last decision written to each customer's metafield (any shop). */
  const lastDecision = (customerId: string) => {
    const all = metafieldCalls.flat().filter((m) => m.customerId === customerId);
    return all.length ? JSON.parse(all[all.length - 1].value) : undefined;
  };
  return {
    platform,
    install,
    uninstall: (shop: string) => shops.delete(shop),
    addCustomers,
    addOrders,
    forgetCustomer,
    coupons,
    metafieldCalls,
    refusedMetafields,
    fail,
    lastDecision,
    webhookKey,
  };
}

export type FakePlatform = ReturnType<typeof createFakePlatform>;

function aCustomer(id: string): PlatformCustomer {
  const at = new Date("2024-01-01T00:00:00Z");
  return { id, email: null, firstName: null, lastName: null, locale: null, createdAt: at, updatedAt: at };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
