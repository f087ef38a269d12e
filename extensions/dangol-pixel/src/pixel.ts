// The Dangol web pixel: for each page_viewed and checkout_completed, posts { name, shop, clientId[, orderId] } to
// the app. Nothing about the shopper (customer id, email, address, cart) is read or sent: the server keys visits by
// Shopify's client id and learns whose they are only from an order it already holds (see pixel-intake.service.ts).

/** The slice of Shopify's standard event the pixel reads. */
export interface PixelEventLike {
  name: string;
  clientId: string;
  data?: { checkout?: { order?: { id?: string | null } | null } | null } | null;
}

/** The slice of register()'s API the pixel uses (analytics, init, settings). */
export interface PixelApiLike {
  analytics: { subscribe(name: string, callback: (event: PixelEventLike) => void): unknown };
  init: { data: { shop: { myshopifyDomain: string } } };
  settings: { endpoint?: string };
}

export type PixelPost = (url: string, body: string) => Promise<unknown>;

export function createDangolPixel(post: PixelPost) {
  return ({ analytics, init, settings }: PixelApiLike): void => {
    const shop = init.data.shop.myshopifyDomain;
    const endpoint = settings.endpoint;
    if (!endpoint) return;
    const send = (body: Record<string, string>) => {
      post(endpoint, JSON.stringify(body)).catch(() => {
        // Best effort: a lost page view costs one count.
      });
    };
    analytics.subscribe("page_viewed", (event) => send({ name: "page_viewed", shop, clientId: event.clientId }));
    analytics.subscribe("checkout_completed", (event) => {
      const orderId = event.data?.checkout?.order?.id;
      if (orderId) send({ name: "checkout_completed", shop, clientId: event.clientId, orderId: String(orderId) });
    });
  };
}
