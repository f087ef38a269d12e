// The canonical reading of a raw app-proxy query, case by case (the differential test covers the volume).
import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import {
  appProxyMessage,
  createAppProxyVerifier,
  parseCanonicalProxyQuery,
} from "../../../server/src/platforms/shopify/app-proxy-verifier.js";
import { signAppProxyQuery } from "../../../server/src/simulator/index.js";

const SECRET = "unit-secret";
const NOW_S = 1_800_000_000;
const verify = createAppProxyVerifier(SECRET, () => new Date(NOW_S * 1000 + 999));
const sign = (message: string) => createHmac("sha256", SECRET).update(message).digest("hex");

/** Shopify's params for customer 42, signed, as "k=v" parts (encoded like Shopify/URLSearchParams would). */
function parts(over: Record<string, string> = {}): string[] {
  const p = {
    shop: "demo.myshopify.com",
    logged_in_customer_id: "42",
    path_prefix: "/apps/dangol",
    timestamp: String(NOW_S),
    ...over,
  };
  const message = Object.keys(p)
    .sort()
    .map((k) => `${k}=${p[k as keyof typeof p]}`)
    .join("");
  return [...Object.entries(p).map(([k, v]) => `${k}=${encodeURIComponent(v)}`), `signature=${sign(message)}`];
}

describe("app-proxy verifier", () => {
  it("accepts Shopify's own query and says who is asking (a guest is null)", () => {
    expect(verify(parts().join("&"))).toEqual({ shop: "demo.myshopify.com", customerId: "42" });
    expect(verify(parts({ logged_in_customer_id: "" }).join("&"))).toEqual({
      shop: "demo.myshopify.com",
      customerId: null,
    });
    // Any order, encoded names, empty segments: the same params, so the same answer.
    const [shop, ...rest] = parts();
    expect(verify(["", ...rest.reverse(), shop.replace("shop", "%73hop"), ""].join("&"))).toEqual({
      shop: "demo.myshopify.com",
      customerId: "42",
    });
  });

  it("accepts what the simulator signs for the demo's visit beacons and /preview (guest or gid customer)", () => {
    const of = (customer: string | null) =>
      verify(
        signAppProxyQuery(
          { shop: "demo-dangol.myshopify.com", loggedInCustomerId: customer, timestamp: NOW_S },
          SECRET,
        ),
      );
    expect(of("gid://shopify/Customer/13085")).toEqual({ shop: "demo-dangol.myshopify.com", customerId: "13085" });
    expect(of(null)).toEqual({ shop: "demo-dangol.myshopify.com", customerId: null });
  });

  it("signs Shopify's message: sorted keys, k=v with repeats joined by ',', no separator, signature left out", () => {
    const message = appProxyMessage(
      new Map<string, string | string[]>([
        ["shop", "s"],
        ["ids", ["1", "2"]],
        ["signature", "x"],
        ["a", ""],
      ]),
    );
    expect(message).toBe("a=ids=1,2shop=s");
  });

  it.each([
    ["an extra param, even signed", [...parts(), "a=Z"]],
    ["a key holding '=' (%3D)", [...parts(), "logged_in_customer_id%3Dpath_prefix=%2Fapps%2Fdangol"]],
    ["a repeated identity key", [...parts(), "logged_in_customer_id=42"]],
    ["a repeated signature", [...parts(), parts().at(-1)!]],
    ["a missing timestamp", parts().filter((p) => !p.startsWith("timestamp="))],
    ["a missing logged_in_customer_id", parts().filter((p) => !p.startsWith("logged_in_customer_id="))],
    ["a missing signature", parts().slice(0, -1)],
    ["a malformed escape", parts().map((p) => (p.startsWith("shop=") ? `${p}%E0%A4%A` : p))],
    [
      "an upper-case signature",
      parts().map((p) => (p.startsWith("signature=") ? p.toUpperCase().replace("SIGNATURE", "signature") : p)),
    ],
  ])("refuses %s", (_name, query) => {
    expect(verify(query.join("&"))).toBeNull();
  });

  it.each([
    ["a shop that is not *.myshopify.com", { shop: "evil.example.com" }],
    ["an upper-case shop", { shop: "Demo.myshopify.com" }],
    ["a customer id with a leading zero", { logged_in_customer_id: "042" }],
    ["a customer gid", { logged_in_customer_id: "gid://shopify/Customer/42" }],
    ["another proxy prefix", { path_prefix: "/apps/other" }],
    ["a timestamp that is not digits", { timestamp: `${NOW_S}.0` }],
  ])("refuses %s even when correctly signed", (_name, over) => {
    expect(verify(parts(over).join("&"))).toBeNull();
  });

  it("keeps shopify-api's 90 s window in whole seconds", () => {
    for (const [offset, ok] of [
      [-91, false],
      [-90, true],
      [90, true],
      [91, false],
    ] as const) {
      expect(verify(parts({ timestamp: String(NOW_S + offset) }).join("&")) !== null, `offset ${offset}`).toBe(ok);
    }
  });

  it("parses nothing from an empty query", () => {
    expect(parseCanonicalProxyQuery("")).toBeNull();
    expect(verify("")).toBeNull();
  });
});
