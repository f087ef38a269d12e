import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { SHOPIFY_API_VERSION } from "../../server/src/platforms/shopify/shopify-app.js";
import { WEBHOOK_TOPICS } from "../../server/src/demo/demo-store.js";

// The Shopify CLI rejects a config without these (schema: Shopify/cli app_config_* specifications).
const toml = parse(readFileSync(path.resolve(import.meta.dirname, "../../shopify.app.toml"), "utf8")) as any;
const subscriptions: Array<{ topics?: string[]; compliance_topics?: string[]; uri: string }> =
  toml.webhooks.subscriptions;

describe("shopify.app.toml", () => {
  it("has the keys the Shopify CLI requires", () => {
    expect(toml.client_id).toEqual(expect.any(String));
    expect(toml.application_url).toMatch(/^https:\/\//);
    expect(toml.embedded).toBe(true);
    expect(toml.auth.redirect_urls.length).toBeGreaterThan(0);
  });

  it("asks for every scope the app uses", () => {
    const scopes = toml.access_scopes.scopes.split(",").map((s: string) => s.trim());
    for (const scope of [
      "read_orders",
      "read_all_orders",
      "read_customers",
      "write_discounts",
      "read_products",
      "write_customers",
      "write_pixels",
      "read_customer_events",
    ]) {
      expect(scopes).toContain(scope);
    }
  });

  it("uses the same Admin API version as the code", () => {
    expect(toml.webhooks.api_version).toBe(SHOPIFY_API_VERSION);
  });

  it("subscribes exactly the topics the webhook route handles, compliance topics included", () => {
    const declared = subscriptions.flatMap((s) => [...(s.topics ?? []), ...(s.compliance_topics ?? [])]).sort();
    expect(declared).toEqual([...WEBHOOK_TOPICS].sort());
    expect(subscriptions.flatMap((s) => s.compliance_topics ?? []).sort()).toEqual([
      "customers/data_request",
      "customers/redact",
      "shop/redact",
    ]);
    for (const s of subscriptions) expect(s.uri).toBe("/api/webhooks");
  });

  it("declares the app proxy at /apps/dangol, where the server listens", () => {
    expect(toml.app_proxy.subpath).toBe("dangol");
    expect(toml.app_proxy.prefix).toBe("apps");
    expect(new URL(toml.app_proxy.url).pathname).toBe("/apps/dangol");
  });
});
