// The admin UI opened from the Cafe24 admin: the launch's token moves from the fragment to sessionStorage, the
// address bar loses it, every API call carries it, and once it has expired (or the server refuses it) the app
// stops calling and asks the merchant to open Dangol from Cafe24 again.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const HOUR = 3600;
const tokenWithExp = (exp: number) =>
  `${Buffer.from('{"alg":"HS256"}').toString("base64url")}.${Buffer.from(JSON.stringify({ exp, iss: "dangol-cafe24" })).toString("base64url")}.sig`;

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  };
}

describe("Cafe24 admin session in the web UI", () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubGlobal("sessionStorage", memoryStorage());
    vi.stubGlobal("window", {});
  });
  afterEach(() => vi.unstubAllGlobals());

  const launchedWith = async (token: string) => {
    const session = await import("../../web/src/api/cafe24-session.js");
    const replaced: string[] = [];
    const location = { hash: `#cafe24_token=${token}`, pathname: "/", search: "?shop=dangolmall" } as Location;
    const history = { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) };
    session.captureCafe24Token(location, history as unknown as History);
    return { session, replaced };
  };

  it("keeps the token out of the address bar and sends it as the bearer token", async () => {
    const token = tokenWithExp(Math.floor(Date.now() / 1000) + HOUR);
    const { replaced } = await launchedWith(token);
    expect(replaced).toEqual(["/?shop=dangolmall"]);
    const fetch = vi.fn(async () => new Response('{"shop":"dangolmall"}', { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    const { apiFetch } = await import("../../web/src/api/client.js");
    expect(await apiFetch("/api/settings")).toEqual({ shop: "dangolmall" });
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers).toMatchObject({
      Authorization: `Bearer ${token}`,
    });
  });

  it("ends the session on a 401: the app shows 'open Dangol from your Cafe24 admin again'", async () => {
    const { session } = await launchedWith(tokenWithExp(Math.floor(Date.now() / 1000) + HOUR));
    const ended = vi.fn();
    session.onCafe24SessionEnded(ended);
    vi.stubGlobal(
      "fetch",
      async () => new Response('{"error":{"code":"Unauthorized","message":"x"}}', { status: 401 }),
    );
    const { apiFetch } = await import("../../web/src/api/client.js");
    await expect(apiFetch("/api/dashboard")).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledOnce();
    expect(session.cafe24SessionEnded()).toBe(true);
  });

  it("sends nothing once the token has expired, and ends the session", async () => {
    const { session } = await launchedWith(tokenWithExp(Math.floor(Date.now() / 1000) - 1));
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const { apiFetch } = await import("../../web/src/api/client.js");
    await expect(apiFetch("/api/dashboard")).rejects.toMatchObject({ status: 401 });
    expect(fetch).not.toHaveBeenCalled();
    expect(session.cafe24SessionEnded()).toBe(true);
  });

  it("ignores App Bridge while a Cafe24 session is open", async () => {
    await launchedWith(tokenWithExp(Math.floor(Date.now() / 1000) + HOUR));
    (window as unknown as { shopify: unknown }).shopify = { idToken: async () => "shopify-token" };
    const { embeddedShopify } = await import("../../web/src/api/app-bridge.js");
    expect(embeddedShopify()).toBeNull();
  });
});
