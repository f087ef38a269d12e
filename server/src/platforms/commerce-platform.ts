// The one interface every commerce platform implements (Shopify, with the store simulator behind the same
// Shopify adapter in demo mode; Cafe24). Services never hold one: they ask the PlatformRegistry (registry.ts)
// for the platform of the shop at hand. Adapters return domain types and throw only PlatformError;
// nothing outside platforms/ knows GraphQL or any platform's wire format. Contract: tests/contract/.
import type { Order } from "../domain/orders/order.js";

export type PlatformId = "shopify" | "cafe24";

/**
 * What a platform can and cannot do, said outright so no adapter fakes a feature it lacks. Shopify: bulk exports,
 * decisions in customer metafields its Liquid reads, one discount code per customer. Cafe24: no bulk export (the
 * backfill pages), a ScriptTag that asks our server, a coupon definition issued to one member.
 */
export interface PlatformCapabilities {
  /** The platform runs whole-shop exports itself (Shopify bulk operations); without it the backfill pages. */
  bulkExport: boolean;
  /** How a decision reaches the storefront: metafields the theme renders, or a script that asks our server. */
  storefrontDelivery: "metafields" | "script-asks-server";
  /** Shopify: a unique code per customer; Cafe24: a coupon definition issued to one member. */
  couponModel: "code-per-customer" | "coupon-issued-to-member";
  /**
   * The platform's own customer segment editor filters on app-written customer metafields (Shopify: the segment,
   * due date and coupon expiry metafields, defined at install). Cafe24: false, never faked (we know of no
   * app-owned customer field its admin filters on).
   */
  customerSegmentMetafields?: boolean;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, or null on the last page. */
  nextCursor: string | null;
}

export interface ListOptions {
  /** Only records whose updated_at is after this instant. */
  updatedSince?: Date;
  cursor?: string | null;
  pageSize?: number;
}

export interface PlatformCustomer {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type BulkExportState = "running" | "completed" | "failed";

export interface BulkExportStatus {
  id: string;
  state: BulkExportState;
  objectCount: number;
  /** Top-level objects (orders) in the export, when the platform reports it (progress totals). */
  rootObjectCount?: number;
  errorCode?: string;
}

export interface CouponRequest {
  customerId: string;
  /** Unguessable, unique per customer. */
  code: string;
  title: string;
  /** 0 < percentOff ≤ 1, e.g. 0.1 for 10 % off. */
  percentOff: number;
  startsAt: Date;
  endsAt: Date;
}

export interface Coupon {
  discountId: string;
  code: string;
  customerId: string;
  endsAt: Date;
}

export interface CustomerMetafield {
  customerId: string;
  /** e.g. "$app:dangol" (app-owned). */
  namespace: string;
  key: string;
  type: "json" | "single_line_text_field" | "date";
  value: string;
}

/** A metafield to clear (its value no longer applies). */
export type CustomerMetafieldRef = Pick<CustomerMetafield, "customerId" | "namespace" | "key">;

/** One metafield the platform refused for its own reason; the rest of the call was still written. */
export interface MetafieldRejection {
  customerId: string;
  /** unknown_customer: the platform no longer knows the owner (deleted, merged); invalid: it refused the value. */
  reason: "unknown_customer" | "invalid";
  message: string;
}

export interface MetafieldWriteResult {
  /** One entry per refused metafield; every metafield not listed was written. */
  rejected: MetafieldRejection[];
}

/** A webhook whose signature checked out. */
export interface VerifiedWebhook {
  topic: string;
  shopDomain: string;
  webhookId: string;
  eventId: string | null;
  triggeredAt: Date | null;
  apiVersion: string | null;
  payload: unknown;
}

/** Who a verified storefront app-proxy request comes from: the shop, and the logged-in customer (null for a guest). */
export interface AppProxyIdentity {
  shop: string;
  customerId: string | null;
}

/** What a verified webhook means for the sync, in platform-neutral terms. */
export type PlatformEvent =
  | { kind: "order"; order: Order }
  | { kind: "shop_erase"; reason: "uninstalled" | "redact" }
  | { kind: "customer_redact" | "customer_data_request"; customerId: string | null; orderIds: string[] }
  /** Several customers erased at once (Cafe24 names a list of withdrawn members in one event). */
  | { kind: "customers_redact"; customerIds: string[] }
  | { kind: "ignored" };

export interface CommercePlatform {
  readonly id: PlatformId;
  readonly capabilities: PlatformCapabilities;
  /**
   * The page a sync asks for when it names none: as much as one call may carry under the platform's limits
   * (Cafe24 paces calls at 2/s but allows 1,000 rows a call; a 50-row page made a demo backfill take minutes).
   */
  readonly pageSizes?: { orders: number; customers: number };
  listOrders(shop: string, options: ListOptions): Promise<Page<Order>>;
  listCustomers(shop: string, options: ListOptions): Promise<Page<PlatformCustomer>>;
  /** Optional: how many orders match (progress totals); null when the platform can't say. */
  countOrders?(shop: string, options: { updatedSince?: Date }): Promise<number | null>;
  /** Starts a bulk export of orders (with line items), optionally only those created in [createdFrom, createdBefore). */
  startBulkExport(
    shop: string,
    options: { updatedSince?: Date; createdFrom?: Date; createdBefore?: Date },
  ): Promise<{ id: string }>;
  getBulkExport(shop: string, id: string): Promise<BulkExportStatus>;
  /** Streams a completed export's orders in file order; customers are attached to orders by id. */
  readBulkExport(shop: string, id: string): AsyncIterable<Order>;
  /** Optional: a bulk export of customers (polled with getBulkExport); without it, customers are paged. */
  startCustomerBulkExport?(shop: string, options: { updatedSince?: Date }): Promise<{ id: string }>;
  /** Streams a completed customer export. */
  readCustomerBulkExport?(shop: string, id: string): AsyncIterable<PlatformCustomer>;
  createCustomerCoupon(shop: string, request: CouponRequest): Promise<Coupon>;
  /**
   * Writes metafields in platform-sized batches (Shopify: 25 per metafieldsSet). A metafield the platform refuses
   * (its customer is gone, its value is invalid) is reported in `rejected` and never keeps the others from being
   * written. Throws PlatformError when the platform can't be reached or throttles (retriable: retry the whole call).
   */
  setCustomerMetafields(
    shop: string,
    metafields: CustomerMetafield[],
    /** Cleared alongside (Shopify: metafieldsDelete; a metafield already absent is no error). */
    clear?: CustomerMetafieldRef[],
  ): Promise<MetafieldWriteResult>;
  /** Checks the HMAC over the raw body; returns null when it is missing or forged. */
  verifyWebhook(
    rawBody: Buffer,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<VerifiedWebhook | null>;
  /** Translates a verified webhook; throws ValidationError when its payload doesn't have the topic's shape. */
  webhookEvent?(hook: VerifiedWebhook): PlatformEvent;
  /**
   * Optional, for a platform whose webhooks name a record instead of carrying it (Cafe24's order events): the
   * event with the record read from the platform. Called when a stored delivery is applied, so a failed read is
   * retried like any apply; without it webhookEvent's answer is applied.
   */
  loadWebhookEvent?(hook: VerifiedWebhook): Promise<PlatformEvent>;
  /**
   * Whether the platform still accepts this app's credentials for the shop. An uninstall revokes them, so a
   * signed app/uninstalled arriving while this is true is a replay (e.g. after a reinstall) and must not erase.
   * Throws a retriable PlatformError when it cannot tell.
   */
  hasAccess(shop: string): Promise<boolean>;
  /**
   * Whether the shop has an order with this id. The order webhooks' signed body doesn't name its shop, so an order
   * we haven't stored for the shop yet is confirmed here before it is written (shop A's body replayed as shop B's
   * is not B's order). Throws PlatformError when it cannot tell (retriable when backing off can help).
   */
  orderBelongsTo(shop: string, orderId: string): Promise<boolean>;
  /**
   * Checks a storefront app-proxy request's raw query string (signature, 90 s timestamp window, and that it reads
   * as exactly one set of the platform's own params) and says who is asking; null when it does not hold.
   */
  verifyAppProxy(rawQuery: string): AppProxyIdentity | null;
}
