import { describe, expect, it } from "vitest";
import { combineVerdicts, createRateLimiter } from "../../server/src/services/rate-limiter.js";
import { clientAddressKey } from "../../server/src/services/client-address.js";

describe("token-bucket rate limiter", () => {
  it("allows the burst, then one request per refill interval, and says how long to wait", () => {
    let t = 0;
    const limiter = createRateLimiter({ burst: 3, perMinute: 6 }, () => t); // a token every 10 s
    const send = () => {
      const v = limiter.check("k");
      if (v.allowed) limiter.take("k");
      return v;
    };
    expect([send(), send(), send()].every((v) => v.allowed)).toBe(true);
    expect(send()).toEqual({ allowed: false, retryAfterSeconds: 10 });
    t += 4_000;
    expect(send()).toEqual({ allowed: false, retryAfterSeconds: 6 });
    t += 6_000;
    expect(send().allowed).toBe(true);
    expect(send().allowed).toBe(false);
    // Other keys have their own bucket; a long pause refills up to the burst, never beyond it.
    expect(limiter.check("other").allowed).toBe(true);
    t += 3_600_000;
    expect([send(), send(), send(), send()].map((v) => v.allowed)).toEqual([true, true, true, false]);
  });

  it("combines limits: refused if any refuses, with the longest wait", () => {
    expect(combineVerdicts([{ allowed: true }, { allowed: true }])).toEqual({ allowed: true });
    expect(
      combineVerdicts([
        { allowed: false, retryAfterSeconds: 3 },
        { allowed: true },
        { allowed: false, retryAfterSeconds: 9 },
      ]),
    ).toEqual({ allowed: false, retryAfterSeconds: 9 });
  });
});

describe("client address behind Shopify's app proxy", () => {
  it("uses the entry Shopify appended (the last), not what the browser put before it", () => {
    expect(clientAddressKey("203.0.113.9", "10.0.0.1")).toBe("203.0.113.9");
    expect(clientAddressKey("1.2.3.4, 203.0.113.9", "10.0.0.1")).toBe("203.0.113.9");
    expect(clientAddressKey(["1.2.3.4", "5.6.7.8, 203.0.113.9"], "10.0.0.1")).toBe("203.0.113.9");
  });

  it("skips the entries our own load balancers append behind Shopify", () => {
    expect(clientAddressKey("1.2.3.4, 203.0.113.9, 198.51.100.1", "10.0.0.1", 1)).toBe("203.0.113.9");
    expect(clientAddressKey("203.0.113.9", "10.0.0.1", 3)).toBe("203.0.113.9");
  });

  it("falls back to the socket peer without a usable header, and keys IPv6 by its /64", () => {
    expect(clientAddressKey(undefined, "::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(clientAddressKey("not-an-ip", "198.51.100.2")).toBe("198.51.100.2");
    expect(clientAddressKey(undefined, undefined)).toBeNull();
    expect(clientAddressKey("2001:db8:1:2:aaaa::1", undefined)).toBe("2001:db8:1:2::/64");
    expect(clientAddressKey("2001:db8:1:2:ffff:ffff:ffff:ffff", undefined)).toBe("2001:db8:1:2::/64");
    expect(clientAddressKey("2001:db8::5", undefined)).toBe("2001:db8:0:0::/64");
  });
});
