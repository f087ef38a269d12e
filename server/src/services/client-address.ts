import { isIP } from "node:net";

/**
 * The storefront shopper's address, for per-IP rate limiting. Shopify's app proxy forwards the request with
 * `X-Forwarded-For: <client IP>` (shopify.dev, "Authenticate app proxies"). Entries before the last one can come
 * from the browser itself, so only the entry the proxy appended counts: the last, after skipping the
 * `trustedHops` entries our own load balancers append behind Shopify. The header is not covered by the proxy
 * signature: a client that reaches us directly with a still-valid signed URL can choose it, which is why the
 * per-shopper limit (keyed on the signed identity) never depends on it. Without the header: the socket peer.
 * IPv6 is keyed by its /64, which one subscriber typically holds whole.
 */
export function clientAddressKey(
  forwardedFor: string | string[] | undefined,
  peer: string | undefined,
  trustedHops = 0,
): string | null {
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const candidate = chain.length ? chain[Math.max(0, chain.length - 1 - trustedHops)] : peer;
  return candidate ? (addressKey(candidate) ?? (peer ? addressKey(peer) : null)) : null;
}

function addressKey(address: string): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1] : address;
  const version = isIP(ip);
  if (version === 4) return ip;
  if (version === 6) return `${expandIPv6(ip).slice(0, 4).join(":")}::/64`;
  return null;
}

/** The eight 16-bit groups of a valid IPv6 address, "::" expanded (an embedded IPv4 tail counts as two groups). */
function expandIPv6(ip: string): string[] {
  const [head, tail = ""] = ip.toLowerCase().split("%")[0].split("::");
  const groups = (part: string) => (part ? part.split(":").flatMap((g) => (g.includes(".") ? ["v4", "v4"] : [g])) : []);
  const left = groups(head);
  const right = ip.includes("::") ? groups(tail) : [];
  const zeros = Array(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((g) => g.replace(/^0+(?=.)/, ""));
}
