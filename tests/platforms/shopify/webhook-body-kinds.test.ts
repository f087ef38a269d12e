// Which signed bodies prove which topic. Shopify's documented payloads (shopify.dev, "Privacy law compliance"
// webhooks), a field Shopify may add later, and each kind's body sent under every other topic.
import { describe, expect, it, vi } from "vitest";
import { bodyProvesTopic, SHAPES, webhookEvent } from "../../../server/src/platforms/shopify/webhook-events.js";

const SHOP = "kinds.myshopify.com";
const customer = { id: 191167, email: "john@example.com", phone: "555-625-1199" };
const BODIES: Record<string, Record<string, unknown>> = {
  "customers/redact": { shop_id: 954889, shop_domain: SHOP, customer, orders_to_redact: [299938, 280263] },
  "customers/data_request": {
    shop_id: 954889,
    shop_domain: SHOP,
    orders_requested: [299938],
    customer,
    data_request: { id: 9999 },
  },
  "shop/redact": { shop_id: 954889, shop_domain: SHOP },
  "app/uninstalled": {
    id: 954889,
    name: "Kinds",
    domain: "kinds.example",
    myshopify_domain: SHOP,
    email: "owner@example.com",
  },
  "orders/create": {
    id: 5678901234567,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    currency: "USD",
    total_price: "10.00",
    customer: { id: 1 },
    line_items: [{ title: "Tea", quantity: 1, price: "10.00" }],
  },
};
const TOPICS = Object.keys(BODIES);

describe("a signed body proves only its own topic", () => {
  it.each(TOPICS)("%s: the documented body proves it", (topic) => {
    expect(bodyProvesTopic(topic, BODIES[topic], SHOP)).toBe(true);
  });

  it.each(TOPICS)("%s: a field Shopify adds later does not refuse a genuine delivery", (topic) => {
    expect(bodyProvesTopic(topic, { ...BODIES[topic], api_client_id: 42, locale: "en" }, SHOP)).toBe(true);
  });

  const swaps = TOPICS.flatMap((from) => TOPICS.filter((to) => to !== from).map((to) => [from, to] as const));
  it.each(swaps)("a %s body under topic %s proves nothing", (from, to) => {
    expect(bodyProvesTopic(to, BODIES[from], SHOP)).toBe(false);
  });

  it("a body carrying another kind's marks is refused (a redact that also looks like a data request)", () => {
    expect(bodyProvesTopic("customers/redact", { ...BODIES["customers/redact"], data_request: { id: 1 } }, SHOP)).toBe(
      false,
    );
    expect(bodyProvesTopic("shop/redact", { ...BODIES["shop/redact"], customer }, SHOP)).toBe(false);
  });

  it("a privacy or uninstall body naming another shop proves nothing for this one", () => {
    for (const topic of ["customers/redact", "customers/data_request", "shop/redact", "app/uninstalled"]) {
      expect(bodyProvesTopic(topic, BODIES[topic], "other.myshopify.com")).toBe(false);
    }
  });
});

describe("an acknowledged body is checked against its shape once", () => {
  const hook = (payload: unknown) => ({
    topic: "orders/create",
    shopDomain: SHOP,
    webhookId: "w-once",
    eventId: null,
    triggeredAt: null,
    apiVersion: null,
    payload,
  });

  it("webhookEvent maps a body bodyProvesTopic checked without parsing it again; a body read anew is parsed", () => {
    const parses = vi.spyOn(SHAPES.order, "safeParse");
    try {
      const verified = JSON.parse(JSON.stringify(BODIES["orders/create"]));
      expect(bodyProvesTopic("orders/create", verified, SHOP)).toBe(true);
      const event = webhookEvent(hook(verified));
      expect(parses).toHaveBeenCalledTimes(1);
      // The same delivery applied later from its stored text: a new object, checked again, same event.
      const stored = JSON.parse(JSON.stringify(BODIES["orders/create"]));
      expect(webhookEvent(hook(stored))).toEqual(event);
      expect(parses).toHaveBeenCalledTimes(2);
      expect(event).toMatchObject({ kind: "order", order: { id: "5678901234567", customerId: "1" } });
    } finally {
      parses.mockRestore();
    }
  });

  it("a body proven as shop/redact is still refused when mapped as an order", () => {
    const body = JSON.parse(JSON.stringify(BODIES["shop/redact"]));
    expect(bodyProvesTopic("shop/redact", body, SHOP)).toBe(true);
    expect(() => webhookEvent({ ...hook(body), topic: "orders/create" })).toThrow(/malformed/);
  });
});
