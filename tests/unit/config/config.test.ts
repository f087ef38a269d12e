import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../server/src/config.js";

describe("loadConfig", () => {
  it("defaults to demo mode on port 3000 with SQLite under ./data", () => {
    const c = loadConfig({}, "/srv/app");
    expect(c.mode).toBe("demo");
    expect(c.port).toBe(3000);
    expect(c.host).toBe("127.0.0.1");
    expect(c.database).toEqual({ kind: "sqlite", filename: "/srv/app/data/dangol.sqlite" });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("chooses PostgreSQL from DATABASE_URL", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u:p@db:5432/x" }).database).toEqual({
      kind: "postgres",
      url: "postgres://u:p@db:5432/x",
    });
  });

  it.each([["abc"], ["0"], ["70000"], ["3000x"]])("rejects PORT=%s naming the variable", (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT must be an integer/);
  });

  it.each([["mysql://x"], ["postgres://"], ["sqlite:"], ["nonsense"]])(
    "rejects DATABASE_URL=%s naming the variable",
    (url) => {
      expect(() => loadConfig({ DATABASE_URL: url })).toThrow(/DATABASE_URL/);
    },
  );

  it("lists every problem at once", () => {
    try {
      loadConfig({ PORT: "-1", DATABASE_URL: "oracle:x", SHOPIFY_API_KEY: "k" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join("\n");
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/SHOPIFY_API_SECRET is missing/);
      expect(problems).toMatch(/SHOPIFY_APP_URL is missing/);
    }
  });

  it("switches to production mode with full Shopify credentials", () => {
    const c = loadConfig({
      SHOPIFY_API_KEY: "k",
      SHOPIFY_API_SECRET: "s",
      SHOPIFY_APP_URL: "https://dangol.example.com",
    });
    expect(c.mode).toBe("production");
    expect(c.host).toBe("0.0.0.0");
    expect(c.shopify?.scopes).toContain("write_discounts");
  });

  it("runs Cafe24 credentials alone in production mode, on all interfaces, without Shopify", () => {
    const c = loadConfig({
      CAFE24_CLIENT_ID: "id",
      CAFE24_CLIENT_SECRET: "secret",
      CAFE24_APP_URL: "https://dangol.example.com",
      CAFE24_WEBHOOK_KEY: "key",
    });
    expect(c.mode).toBe("production");
    expect(c.host).toBe("0.0.0.0");
    expect(c.shopify).toBeNull();
    expect(c.cafe24?.clientId).toBe("id");
  });

  it("reads how many proxy hops of our own sit behind Shopify's app proxy, and refuses a bad count", () => {
    expect(loadConfig({}).trustedProxyHops).toBe(0);
    expect(loadConfig({ TRUSTED_PROXY_HOPS: "2" }).trustedProxyHops).toBe(2);
    for (const bad of ["-1", "one", "1.5", "11"]) {
      expect(() => loadConfig({ TRUSTED_PROXY_HOPS: bad }), bad).toThrow(/TRUSTED_PROXY_HOPS must be/);
    }
  });

  it("reads how many units of each job an instance runs at once, and refuses a count out of range", () => {
    expect(loadConfig({}).jobConcurrency).toBe(2);
    expect(loadConfig({ DANGOL_JOB_CONCURRENCY: "1" }).jobConcurrency).toBe(1);
    for (const bad of ["0", "-1", "two", "1.5", "33"]) {
      expect(() => loadConfig({ DANGOL_JOB_CONCURRENCY: bad }), bad).toThrow(/DANGOL_JOB_CONCURRENCY must be/);
    }
  });

  it("reads Cafe24 app credentials only whole, with https, and defaults the scopes", () => {
    const cafe24 = {
      CAFE24_CLIENT_ID: "id",
      CAFE24_CLIENT_SECRET: "secret",
      CAFE24_APP_URL: "https://dangol.example.com/",
      CAFE24_WEBHOOK_KEY: "key",
    };
    expect(loadConfig({}).cafe24).toBeNull();
    const c = loadConfig(cafe24).cafe24;
    expect(c).toMatchObject({ clientId: "id", appUrl: "https://dangol.example.com", webhookKey: "key" });
    expect(c?.scopes).toContain("mall.read_order");
    expect(() => loadConfig({ CAFE24_CLIENT_ID: "id" })).toThrow(/CAFE24_CLIENT_SECRET is missing/);
    expect(() => loadConfig({ ...cafe24, CAFE24_APP_URL: "http://x.example.com" })).toThrow(/must be an https URL/);
  });
});
