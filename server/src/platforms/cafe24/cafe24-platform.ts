// CommercePlatform on Cafe24's Admin API, as far as Cafe24 has the capability. `shop` is the mall id.
// Absent on Cafe24 and refused explicitly (never imitated): bulk export (backfills page by date window instead),
// customer metafields (the storefront asks our server through a ScriptTag), app-proxy signatures (the Front SDK's
// member id is unsigned, so verifyAppProxy is always null). `capabilities` says so for callers that choose a path.
import { PlatformError } from "../../domain/shared/errors.js";
import type { Order } from "../../domain/orders/order.js";
import type {
  AppProxyIdentity,
  BulkExportStatus,
  CommercePlatform,
  Coupon,
  CouponRequest,
  CustomerMetafield,
  ListOptions,
  MetafieldWriteResult,
  Page,
  PlatformCapabilities,
  PlatformCustomer,
  PlatformEvent,
  VerifiedWebhook,
} from "../commerce-platform.js";
import { type Cafe24AdminApi, expectOk } from "./admin-api.js";
import { issueMemberCoupon } from "./coupons.js";
import { addDays, kstDayOf, lastDayWithinMonths, minDay } from "./kst-days.js";
import { type Cafe24CustomerJson, type Cafe24OrderJson, customerFromCafe24, orderFromCafe24 } from "./mappers.js";
import { cafe24WebhookEvent, orderIdOfCafe24Webhook, verifyCafe24Webhook } from "./webhook-verifier.js";
import {
  decodeCursor,
  encodeCursor,
  readPage,
  startCursor,
  type WindowCursor,
  type WindowedSource,
} from "./windowed-pager.js";

export const CAFE24_ORDERS_OFFSET_CAP = 15_000;
export const CAFE24_CUSTOMERS_OFFSET_CAP = 8_000;
export const CAFE24_MAX_LIMIT = 1000;
export const CAFE24_MAX_MONTHS = 3;

export const CAFE24_CAPABILITIES: PlatformCapabilities = {
  bulkExport: false,
  storefrontDelivery: "script-asks-server",
  couponModel: "coupon-issued-to-member",
  // We know of no app-owned customer field Cafe24's admin filters on: the segment fields are not written there.
  customerSegmentMetafields: false,
};

export interface Cafe24PlatformOptions {
  api: Cafe24AdminApi;
  /** Whether the app holds tokens for the mall (Cafe24AccessTokens.isInstalled). */
  isInstalled(mallId: string): Promise<boolean>;
  /** The key Cafe24 sends in `x-api-key` with every webhook. */
  webhookApiKey: string;
  /** The first day a full backfill reads: Cafe24 can't say when a mall's first order was. Default 5 years back. */
  historyStart?: (mallId: string) => Date;
  /** Cafe24 has no "updated since": a changes scan re-reads orders placed this many days before it. Default 30. */
  rescanDays?: number;
  now?: () => number;
}

export class Cafe24Platform implements CommercePlatform {
  readonly id = "cafe24" as const;
  readonly capabilities = CAFE24_CAPABILITIES;
  /** Calls are the scarce thing (2/s per mall), rows are not: a sync reads the most one call may return. */
  readonly pageSizes = { orders: CAFE24_MAX_LIMIT, customers: CAFE24_MAX_LIMIT };
  private readonly now: () => number;

  constructor(private readonly options: Cafe24PlatformOptions) {
    this.now = options.now ?? Date.now;
  }

  async listOrders(shop: string, options: ListOptions): Promise<Page<Order>> {
    const cursor = this.cursorFor(shop, options);
    if (!cursor) return { items: [], nextCursor: null };
    const page = await readPage(this.ordersSource(shop), cursor, options.pageSize ?? 100);
    const orders = page.items.map(orderFromCafe24);
    const since = cursor.since ? Date.parse(cursor.since) : null;
    return {
      items: since === null ? orders : orders.filter((o) => o.updatedAt.getTime() >= since),
      nextCursor: page.next ? encodeCursor(page.next) : null,
    };
  }

  async listCustomers(shop: string, options: ListOptions): Promise<Page<PlatformCustomer>> {
    const cursor = this.cursorFor(shop, options);
    if (!cursor) return { items: [], nextCursor: null };
    const page = await readPage(this.customersSource(shop), cursor, options.pageSize ?? 100);
    return { items: page.items.map(customerFromCafe24), nextCursor: page.next ? encodeCursor(page.next) : null };
  }

  /** Orders placed from the history start to today, one count per 3-month window; null for a changes scan. */
  async countOrders(shop: string, options: { updatedSince?: Date }): Promise<number | null> {
    if (options.updatedSince) return null;
    const source = this.ordersSource(shop);
    const until = kstDayOf(this.now());
    let total = 0;
    for (let from = this.firstDay(shop); from <= until; ) {
      const to = minDay(until, lastDayWithinMonths(from, CAFE24_MAX_MONTHS));
      total += await source.count(from, to);
      from = addDays(to, 1);
    }
    return total;
  }

  startBulkExport(_shop: string, _options: { updatedSince?: Date }): Promise<{ id: string }> {
    return Promise.reject(absent("bulk export"));
  }

  getBulkExport(_shop: string, _id: string): Promise<BulkExportStatus> {
    return Promise.reject(absent("bulk export"));
  }

  readBulkExport(_shop: string, _id: string): AsyncIterable<Order> {
    throw absent("bulk export");
  }

  createCustomerCoupon(shop: string, request: CouponRequest): Promise<Coupon> {
    return issueMemberCoupon(this.options.api, shop, request);
  }

  setCustomerMetafields(_shop: string, _metafields: CustomerMetafield[]): Promise<MetafieldWriteResult> {
    return Promise.reject(absent("customer metafields"));
  }

  async verifyWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<VerifiedWebhook | null> {
    return verifyCafe24Webhook(this.options.webhookApiKey, rawBody, headers);
  }

  webhookEvent(hook: VerifiedWebhook): PlatformEvent {
    return cafe24WebhookEvent(hook);
  }

  /** An order event names its order: it is read now, so what is stored is the order as Cafe24 holds it. */
  async loadWebhookEvent(hook: VerifiedWebhook): Promise<PlatformEvent> {
    const event = cafe24WebhookEvent(hook);
    const orderId = event.kind === "ignored" ? orderIdOfCafe24Webhook(hook) : null;
    if (!orderId) return event;
    const order = await this.fetchOrder(hook.shopDomain, orderId);
    return order ? { kind: "order", order } : { kind: "ignored" };
  }

  async hasAccess(shop: string): Promise<boolean> {
    if (!(await this.options.isInstalled(shop))) return false;
    try {
      // Asked inside a scope the app holds (mall.read_order): /store needs mall.read_store, which it doesn't ask
      // for, and Cafe24 says 403 both for a missing scope and for a deleted app.
      const today = kstDayOf(this.now());
      const answer = await this.options.api.get(shop, "/orders/count", { start_date: today, end_date: today });
      return answer.status === 200;
    } catch (error) {
      if (error instanceof PlatformError && !error.retriable) return false; // 401/403: the app was removed
      throw error;
    }
  }

  async orderBelongsTo(shop: string, orderId: string): Promise<boolean> {
    const answer = await this.options.api.get(shop, `/orders/${encodeURIComponent(orderId)}`);
    if (answer.status === 404) return false;
    expectOk(answer, "Cafe24 order lookup");
    return true;
  }

  /**
   * The order a webhook names, read with its items (Cafe24's order events carry ids and amounts, not the order):
   * null when the mall has no such order.
   */
  async fetchOrder(shop: string, orderId: string): Promise<Order | null> {
    const answer = await this.options.api.get<{ order: Cafe24OrderJson }>(
      shop,
      `/orders/${encodeURIComponent(orderId)}`,
      { embed: "items" },
    );
    if (answer.status === 404) return null;
    return orderFromCafe24(expectOk(answer, "Cafe24 order lookup").order);
  }

  /** Cafe24 has no signed storefront proxy: nothing a storefront request carries proves a shopper. */
  verifyAppProxy(_rawQuery: string): AppProxyIdentity | null {
    return null;
  }

  private cursorFor(shop: string, options: ListOptions): WindowCursor | null {
    if (options.cursor) return decodeCursor(options.cursor);
    const until = kstDayOf(this.now());
    if (!options.updatedSince) return startCursor(this.firstDay(shop), until);
    const rescanMs = (this.options.rescanDays ?? 30) * 86_400_000;
    return startCursor(kstDayOf(options.updatedSince.getTime() - rescanMs), until, options.updatedSince);
  }

  private firstDay(shop: string): string {
    const start = this.options.historyStart?.(shop) ?? new Date(this.now() - 5 * 366 * 86_400_000);
    return kstDayOf(start);
  }

  private ordersSource(shop: string): WindowedSource<Cafe24OrderJson> {
    const api = this.options.api;
    return {
      maxMonths: CAFE24_MAX_MONTHS,
      offsetCap: CAFE24_ORDERS_OFFSET_CAP,
      maxLimit: CAFE24_MAX_LIMIT,
      count: async (from, to) =>
        expectOk(
          await api.get<{ count: number }>(shop, "/orders/count", { start_date: from, end_date: to }),
          "Cafe24 order count",
        ).count,
      list: async (from, to, offset, limit) =>
        expectOk(
          await api.get<{ orders: Cafe24OrderJson[] }>(shop, "/orders", {
            start_date: from,
            end_date: to,
            offset,
            limit,
            embed: "items",
          }),
          "Cafe24 order list",
        ).orders,
    };
  }

  private customersSource(shop: string): WindowedSource<Cafe24CustomerJson> {
    const api = this.options.api;
    const period = (from: string, to: string) => ({
      search_type: "created_date",
      created_start_date: from,
      created_end_date: to,
    });
    return {
      maxMonths: CAFE24_MAX_MONTHS,
      offsetCap: CAFE24_CUSTOMERS_OFFSET_CAP,
      maxLimit: CAFE24_MAX_LIMIT,
      count: async (from, to) =>
        expectOk(
          await api.get<{ count: number }>(shop, "/customersprivacy/count", period(from, to)),
          "Cafe24 member count",
        ).count,
      list: async (from, to, offset, limit) =>
        expectOk(
          await api.get<{ customersprivacy: Cafe24CustomerJson[] }>(shop, "/customersprivacy", {
            ...period(from, to),
            offset,
            limit,
          }),
          "Cafe24 member list",
        ).customersprivacy,
    };
  }
}

function absent(capability: string): PlatformError {
  return new PlatformError(`Cafe24 has no ${capability}`, false, undefined, { capability, absent: true });
}
