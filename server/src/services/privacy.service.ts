// Uninstall and GDPR compliance: shop/redact and app/uninstalled erase the shop's data (sessions included),
// customers/redact erases one customer's, customers/data_request is recorded for the merchant to answer.
import type { Db } from "../db/database.js";
import * as customers from "../db/repositories/customer.repository.js";
import * as orders from "../db/repositories/order.repository.js";
import * as products from "../db/repositories/product.repository.js";
import * as sessions from "../db/repositories/session.repository.js";
import * as shops from "../db/repositories/shop.repository.js";
import * as syncState from "../db/repositories/sync-state.repository.js";
import * as webhookEvents from "../db/repositories/webhook-event.repository.js";

/** Other features (timing, campaigns) plug in their own tables' deletion here. */
export interface DataEraser {
  eraseShop(db: Db, shop: string): Promise<void>;
  eraseCustomer(db: Db, shop: string, customerId: string): Promise<void>;
}

export interface PrivacyServiceDeps {
  db: Db;
  erasers?: DataEraser[];
  now?: () => Date;
}

export interface PrivacyRequest {
  webhookId: string;
  topic: string;
  customerId: string | null;
  orderIds: string[];
}

const REDACT_TOPIC = "customers/redact";

export function createPrivacyService({ db, erasers = [], now = () => new Date() }: PrivacyServiceDeps) {
  return {
    /** Everything the app holds for the shop, in one transaction. */
    async eraseShop(shop: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const e of erasers) await e.eraseShop(trx, shop);
        await orders.deleteShopOrders(trx, shop);
        await customers.deleteShopCustomers(trx, shop);
        await products.deleteShopProducts(trx, shop);
        await syncState.deleteSyncState(trx, shop);
        await webhookEvents.deleteShopWebhookEvents(trx, shop);
        await webhookEvents.deleteShopPrivacyRequests(trx, shop);
        await sessions.deleteSessionsByShop(trx, shop);
        await shops.deleteShop(trx, shop);
      });
    },

    /**
     * customers/redact (Shopify) or a member's withdrawal (Cafe24): the customer's orders (and any orders named in
     * the request) and profile. Recorded as customers/redact whatever the platform called it: a late order delivery
     * looks for that record (customerRedactedSince) before it would bring the customer back.
     */
    async eraseCustomer(shop: string, request: PrivacyRequest): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await webhookEvents.insertPrivacyRequest(trx, toRow(shop, { ...request, topic: REDACT_TOPIC }, now()));
        if (request.customerId) {
          for (const e of erasers) await e.eraseCustomer(trx, shop, request.customerId);
          await customers.deleteCustomer(trx, shop, request.customerId);
        }
        await orders.deleteCustomerOrders(trx, shop, request.customerId ?? "", request.orderIds);
      });
    },

    /** customers/data_request: recorded; the merchant answers the customer from the admin. */
    async recordDataRequest(shop: string, request: PrivacyRequest): Promise<void> {
      await webhookEvents.insertPrivacyRequest(db, { ...toRow(shop, request, now()), completed_at: null });
    },
  };
}

function toRow(shop: string, r: PrivacyRequest, at: Date) {
  return {
    shop_domain: shop,
    webhook_id: r.webhookId,
    topic: r.topic,
    customer_id: r.customerId,
    orders_requested: JSON.stringify(r.orderIds),
    received_at: at.toISOString(),
    completed_at: at.toISOString(),
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
