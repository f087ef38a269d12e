import { z } from "zod";
import type { Db } from "../db/database.js";
import { findShop } from "../db/repositories/shop.repository.js";
import {
  countGuestClientsSeenSince,
  deleteCustomerPixelData,
  deleteShopPixelData,
  recordPixelCheckout,
  recordPixelPageView,
} from "../db/repositories/pixel.repository.js";
import { NotFoundError, ValidationError } from "../domain/shared/errors.js";
import type { DataEraser } from "./privacy.service.js";
import { createRateLimiter, type RateLimit } from "./rate-limiter.js";

const SHOP = z.string().regex(/^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/, "shop must be a *.myshopify.com domain");
/** Shopify's client id (the _shopify_y browser id): a UUID-like token. Nothing else about the shopper is read. */
const CLIENT_ID = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "clientId must be 8-64 letters, digits or dashes");
/** checkout.order.id as the pixel sees it: "123" or "gid://shopify/Order/123"; stored bare, like our orders. */
const ORDER_ID = z
  .string()
  .regex(/^(gid:\/\/shopify\/Order\/)?\d{1,20}$/, "orderId must be a Shopify order id")
  .transform((id) => id.slice(id.lastIndexOf("/") + 1));

/** Exactly what extensions/dangol-pixel sends; anything more (a customer id, an email) is refused, not ignored. */
export const pixelEventSchema = z.discriminatedUnion("name", [
  z.strictObject({ name: z.literal("page_viewed"), shop: SHOP, clientId: CLIENT_ID }),
  z.strictObject({ name: z.literal("checkout_completed"), shop: SHOP, clientId: CLIENT_ID, orderId: ORDER_ID }),
]);
export type PixelEvent = z.infer<typeof pixelEventSchema>;

/** The largest body the pixel sends is ~150 bytes; 1 KB leaves room and bounds what a stranger can make us parse. */
export const PIXEL_BODY_LIMIT_BYTES = 1024;

/** A browser views a few pages a minute; 30 at once and 30 a minute bound a script posting for one client id. */
export const PIXEL_RATE_LIMIT: RateLimit = { burst: 30, perMinute: 30 };

export type PixelOutcome = { stored: true } | { stored: false; retryAfterSeconds: number };

export interface PixelIntakeDeps {
  db: Db;
  now?: () => Date;
  rateLimit?: RateLimit;
}

/**
 * Web pixel intake. Pixel requests are unsigned, so the service trusts nothing personal in them: page views are
 * counted per client id (a browser), and a checkout_completed only records which client reported which order id;
 * whose order it is comes from our own synced orders of the same shop when visits are read (pixel.repository.ts).
 */
export function createPixelIntakeService(deps: PixelIntakeDeps) {
  const now = deps.now ?? (() => new Date());
  const limiter = createRateLimiter(deps.rateLimit ?? PIXEL_RATE_LIMIT, () => now().getTime());
  return {
    async record(body: unknown): Promise<PixelOutcome> {
      const parsed = pixelEventSchema.safeParse(body);
      if (!parsed.success) throw new ValidationError("Invalid pixel event", parsed.error.issues);
      const event = parsed.data;
      const shop = await findShop(deps.db, event.shop);
      if (!shop || shop.uninstalled_at) throw new NotFoundError("Unknown shop");
      const key = `${event.shop}|${event.clientId}`;
      const verdict = limiter.check(key);
      if (!verdict.allowed) return { stored: false, retryAfterSeconds: verdict.retryAfterSeconds };
      limiter.take(key);
      const at = now();
      if (event.name === "page_viewed") await recordPixelPageView(deps.db, event.shop, event.clientId, at);
      else await recordPixelCheckout(deps.db, event.shop, event.orderId, event.clientId, at);
      return { stored: true };
    },

    /** Browsers seen since `since` that no order of ours ties to a customer: the grid's guest visitors. */
    guestVisitors: (shop: string, since: Date) => countGuestClientsSeenSince(deps.db, shop, since),
  };
}

export type PixelIntakeService = ReturnType<typeof createPixelIntakeService>;

/** Clears pixel data on app/uninstalled + shop/redact and, for the client ids our orders tie to them, customers/redact. */
export const pixelEraser: DataEraser = {
  eraseShop: (db, shop) => deleteShopPixelData(db, shop),
  eraseCustomer: (db, shop, customerId) => deleteCustomerPixelData(db, shop, customerId),
};
