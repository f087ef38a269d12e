// Shopify's web pixel runtime, as far as an app pixel sees it: standard events shaped like Shopify's
// (https://shopify.dev/docs/api/web-pixels-api/standard-events) and a host that runs a pixel's register() callback
// with analytics.subscribe, init (the shop) and the pixel's settings, then publishes events to it. Like Shopify's
// pixel manager, the host loads the pixel only when the visitor's consent covers what its
// shopify.extension.toml declares required (here: analytics), so tests can exercise "no consent, no pixel".
import { randomUUID } from "node:crypto";

export interface StandardEvent {
  id: string;
  name: "page_viewed" | "checkout_completed";
  clientId: string;
  timestamp: string;
  seq: number;
  type: "standard";
  context: { document: { location: { href: string }; title: string; referrer: string } };
  data: Record<string, unknown>;
}

export interface PixelHostOptions {
  shop: string;
  settings: Record<string, string>;
  /** The visitor's consent; the pixel requires analytics. Default: allowed (a region that needs no consent). */
  analyticsAllowed?: boolean;
  now?: () => Date;
}

type Subscriber = (event: StandardEvent) => void;

export function pageViewed(clientId: string, href: string, at = new Date(), seq = 0): StandardEvent {
  return {
    id: randomUUID(),
    name: "page_viewed",
    clientId,
    timestamp: at.toISOString(),
    seq,
    type: "standard",
    context: { document: { location: { href }, title: "", referrer: "" } },
    data: {},
  };
}

/** checkout_completed as Shopify sends it: the order's id is data.checkout.order.id (besides totals and lines). */
export function checkoutCompleted(
  clientId: string,
  order: { id: string; totalPrice?: number; currencyCode?: string },
  at = new Date(),
  seq = 0,
): StandardEvent {
  return {
    id: randomUUID(),
    name: "checkout_completed",
    clientId,
    timestamp: at.toISOString(),
    seq,
    type: "standard",
    context: { document: { location: { href: "https://checkout/thank-you" }, title: "", referrer: "" } },
    data: {
      checkout: {
        order: { id: order.id },
        totalPrice: { amount: order.totalPrice ?? 0, currencyCode: order.currencyCode ?? "USD" },
        lineItems: [],
      },
    },
  };
}

/**
 * Runs a pixel's register() callback in a host for one shop. publish() delivers an event to the pixel's
 * subscribers (nothing when consent keeps the pixel unloaded); loaded says whether the pixel runs at all.
 */
export function createPixelHost(pixel: (api: never) => void, options: PixelHostOptions) {
  const subscribers = new Map<string, Subscriber[]>();
  const loaded = options.analyticsAllowed ?? true;
  if (loaded) {
    const api = {
      analytics: {
        subscribe(name: string, callback: Subscriber) {
          subscribers.set(name, [...(subscribers.get(name) ?? []), callback]);
        },
      },
      init: {
        data: {
          shop: { myshopifyDomain: options.shop, name: options.shop, countryCode: "KR" },
          customer: null,
          cart: null,
        },
        context: {},
      },
      settings: options.settings,
      browser: {},
    };
    // The host speaks Shopify's API; each pixel declares the slice it reads.
    pixel(api as never);
  }
  return {
    loaded,
    publish(event: StandardEvent): void {
      for (const callback of subscribers.get(event.name) ?? []) callback(event);
      for (const callback of subscribers.get("all_events") ?? []) callback(event);
    },
  };
}
