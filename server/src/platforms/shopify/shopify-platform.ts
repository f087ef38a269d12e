// CommercePlatform on Shopify's Admin GraphQL API. In demo mode and tests the very same code talks to the
// store simulator: shop-routing.ts only changes where requests for a shop are sent.
import type { Shopify } from "@shopify/shopify-api";
import type { Order } from "../../domain/orders/order.js";
import type {
  BulkExportStatus,
  CommercePlatform,
  Coupon,
  CouponRequest,
  ListOptions,
  Page,
  PlatformCapabilities,
  PlatformCustomer,
} from "../commerce-platform.js";
import { PlatformError } from "../../domain/shared/errors.js";
import { readBulkCustomers, readBulkOrders } from "./bulk-jsonl.js";
import { throwOnUserErrors, toPlatformError } from "./errors.js";
import { BULK_RUN_QUERY, BULK_STATUS_QUERY } from "./graphql/bulk.js";
import { CUSTOMERS_QUERY, bulkCustomersQuery } from "./graphql/customers.js";
import { createCustomerCoupon } from "./coupons.js";
import { setCustomerMetafields } from "./metafields-set.js";
import { ACCESS_CHECK_QUERY } from "./graphql/shop.js";
import {
  ORDERS_COUNT_QUERY,
  ORDERS_QUERY,
  ORDER_EXISTS_QUERY,
  ORDER_LINES_QUERY,
  bulkOrdersQuery,
} from "./graphql/orders.js";
import {
  bulkStateFromGraphql,
  customerFromGraphql,
  orderFromGraphql,
  toGid,
  type GqlCustomer,
  type GqlLineItem,
  type GqlOrder,
} from "./mappers.js";
import { shopFetch } from "./shop-routing.js";
import type { GraphqlCaller } from "./throttled-graphql.js";
import { webhookEvent } from "./webhook-events.js";
import { verifyWebhook } from "./webhook-verifier.js";
import { createAppProxyVerifier } from "./app-proxy-verifier.js";

type UserErrors = Array<{ field?: string[] | null; message: string }>;
interface Connection<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

// ~108 requested points per order with 20 inline line items: 8 orders stay under the 1 000-point cap.
const MAX_ORDER_PAGE = 8;
const MAX_PAGE = 250;

/** Shopify search syntax; a few minutes of overlap is the caller's job (reconcile uses a watermark − margin). */
export function updatedSinceQuery(since: Date | undefined): string | null {
  return since ? `updated_at:>'${since.toISOString()}'` : null;
}

/** A bulk export's search: updated since, and created in [from, before) (platform-reference §4.1's pattern). */
function ordersSearch(options: { updatedSince?: Date; createdFrom?: Date; createdBefore?: Date }): string | null {
  const terms = [
    updatedSinceQuery(options.updatedSince),
    options.createdFrom ? `created_at:>='${options.createdFrom.toISOString()}'` : null,
    options.createdBefore ? `created_at:<'${options.createdBefore.toISOString()}'` : null,
  ].filter(Boolean);
  return terms.length ? terms.join(" AND ") : null;
}

export interface ShopifyPlatformDeps {
  api: Shopify;
  graphql: GraphqlCaller;
  now?: () => Date;
}

export const SHOPIFY_CAPABILITIES: PlatformCapabilities = {
  bulkExport: true,
  storefrontDelivery: "metafields",
  couponModel: "code-per-customer",
  customerSegmentMetafields: true,
};

export type ShopifyPlatform = CommercePlatform &
  Required<Pick<CommercePlatform, "countOrders" | "startCustomerBulkExport" | "readCustomerBulkExport">>;

export function createShopifyPlatform({ api, graphql, now = () => new Date() }: ShopifyPlatformDeps): ShopifyPlatform {
  const pageSize = (requested: number | undefined, fallback: number, max = MAX_PAGE) =>
    Math.min(Math.max(requested ?? fallback, 1), max);

  /** Orders longer than the inline line-item page get their remaining lines fetched separately. */
  async function allLines(
    shop: string,
    node: GqlOrder & { lineItems?: Connection<GqlLineItem> },
  ): Promise<GqlLineItem[]> {
    const lines = [...(node.lineItems?.nodes ?? [])];
    let info = node.lineItems?.pageInfo;
    while (info?.hasNextPage) {
      const data = await graphql.request<{ order: { lineItems: Connection<GqlLineItem> } | null }>(
        shop,
        ORDER_LINES_QUERY,
        { id: node.id, after: info.endCursor },
      );
      if (!data.order) break;
      lines.push(...data.order.lineItems.nodes);
      info = data.order.lineItems.pageInfo;
    }
    return lines;
  }

  async function bulkStatus(shop: string, id: string) {
    const data = await graphql.request<{
      bulkOperation: {
        id: string;
        status: string;
        errorCode: string | null;
        objectCount: string;
        rootObjectCount: string | null;
        url: string | null;
      } | null;
    }>(shop, BULK_STATUS_QUERY, { id: toGid("BulkOperation", id) });
    if (!data.bulkOperation) throw toPlatformError(new Error(`Bulk operation ${id} not found`), "Bulk export");
    return data.bulkOperation;
  }

  async function startBulk(shop: string, query: string, what: string): Promise<{ id: string }> {
    const data = await graphql.request<{
      bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: UserErrors };
    }>(shop, BULK_RUN_QUERY, { query });
    throwOnUserErrors(what, data.bulkOperationRunQuery.userErrors);
    const op = data.bulkOperationRunQuery.bulkOperation;
    if (!op) throw toPlatformError(new Error("no bulk operation returned"), what);
    return { id: op.id };
  }

  /** The result file of a completed export; null when the query matched nothing (Shopify gives no url then). */
  async function completedBulkUrl(shop: string, id: string): Promise<string | null> {
    const op = await bulkStatus(shop, id);
    if (op.status !== "COMPLETED")
      throw toPlatformError(new Error(`bulk operation is ${op.status}`), "Reading the bulk export");
    return op.url;
  }

  return {
    id: "shopify",
    capabilities: SHOPIFY_CAPABILITIES,

    async listOrders(shop: string, options: ListOptions): Promise<Page<Order>> {
      const data = await graphql.request<{ orders: Connection<GqlOrder & { lineItems: Connection<GqlLineItem> }> }>(
        shop,
        ORDERS_QUERY,
        {
          first: pageSize(options.pageSize, MAX_ORDER_PAGE, MAX_ORDER_PAGE),
          after: options.cursor ?? null,
          query: updatedSinceQuery(options.updatedSince),
        },
      );
      const items: Order[] = [];
      for (const node of data.orders.nodes) items.push(orderFromGraphql(node, await allLines(shop, node)));
      return { items, nextCursor: nextCursorOf(data.orders) };
    },

    async listCustomers(shop: string, options: ListOptions): Promise<Page<PlatformCustomer>> {
      const data = await graphql.request<{ customers: Connection<GqlCustomer> }>(shop, CUSTOMERS_QUERY, {
        first: pageSize(options.pageSize, 100),
        after: options.cursor ?? null,
        query: updatedSinceQuery(options.updatedSince),
      });
      return { items: data.customers.nodes.map(customerFromGraphql), nextCursor: nextCursorOf(data.customers) };
    },

    async countOrders(shop, options) {
      try {
        const data = await graphql.request<{ ordersCount: { count: number } | null }>(shop, ORDERS_COUNT_QUERY, {
          query: updatedSinceQuery(options.updatedSince),
        });
        return data.ordersCount?.count ?? null;
      } catch {
        return null; // progress then shows counts without a percentage
      }
    },

    startBulkExport: (shop, options) =>
      startBulk(shop, bulkOrdersQuery(ordersSearch(options)), "Starting the bulk export"),

    startCustomerBulkExport: (shop, options) =>
      startBulk(shop, bulkCustomersQuery(updatedSinceQuery(options.updatedSince)), "Starting the customer export"),

    async getBulkExport(shop, id): Promise<BulkExportStatus> {
      const op = await bulkStatus(shop, id);
      const state = bulkStateFromGraphql(op.status);
      return {
        id: op.id,
        state,
        objectCount: Number(op.objectCount ?? 0),
        rootObjectCount: op.rootObjectCount == null ? undefined : Number(op.rootObjectCount),
        ...(op.errorCode ? { errorCode: op.errorCode } : state === "failed" ? { errorCode: op.status } : {}),
      };
    },

    async *readBulkExport(shop, id) {
      const url = await completedBulkUrl(shop, id);
      if (url) yield* readBulkOrders(url, shopFetch);
    },

    async *readCustomerBulkExport(shop, id) {
      const url = await completedBulkUrl(shop, id);
      if (url) yield* readBulkCustomers(url, shopFetch);
    },

    createCustomerCoupon: (shop: string, request: CouponRequest): Promise<Coupon> =>
      createCustomerCoupon(graphql, shop, request),

    setCustomerMetafields: (shop, metafields, clear) => setCustomerMetafields(graphql, shop, metafields, clear),

    async hasAccess(shop: string): Promise<boolean> {
      try {
        await graphql.request(shop, ACCESS_CHECK_QUERY);
        return true;
      } catch (err) {
        // Non-retriable: Shopify refused the token and its refresh (revoked), or we hold none.
        if (err instanceof PlatformError && !err.retriable) return false;
        throw err;
      }
    },

    async orderBelongsTo(shop: string, orderId: string): Promise<boolean> {
      const data = await graphql.request<{ order: { id: string } | null }>(shop, ORDER_EXISTS_QUERY, {
        id: toGid("Order", orderId),
      });
      return data.order !== null;
    },

    verifyWebhook: (rawBody, headers) => verifyWebhook(api, rawBody, headers),
    webhookEvent,
    verifyAppProxy: createAppProxyVerifier(api.config.apiSecretKey, now),
  };
}

function nextCursorOf(connection: Connection<unknown>): string | null {
  return connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
}
