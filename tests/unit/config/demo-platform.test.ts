import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../server/src/config.js";

const CAFE24 = {
  CAFE24_CLIENT_ID: "id",
  CAFE24_CLIENT_SECRET: "secret",
  CAFE24_APP_URL: "https://dangol.example.com",
  CAFE24_WEBHOOK_KEY: "key",
};
const SHOPIFY = { SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://dangol.example.com" };

describe("DEMO_PLATFORM", () => {
  it("defaults to the Shopify demo and reads cafe24", () => {
    expect(loadConfig({}).demoPlatform).toBe("shopify");
    expect(loadConfig({ DEMO_PLATFORM: "" }).demoPlatform).toBe("shopify");
    expect(loadConfig({ DEMO_PLATFORM: "shopify" }).demoPlatform).toBe("shopify");
    const c = loadConfig({ DEMO_PLATFORM: "cafe24" });
    expect(c).toMatchObject({ mode: "demo", demoPlatform: "cafe24", cafe24: null });
  });

  it("refuses any other value with a message naming the choices, beside the other problems", () => {
    for (const bad of ["Cafe24", "naver", "cafe24 ", "1"]) {
      const error = (() => {
        try {
          loadConfig({ DEMO_PLATFORM: bad, PORT: "abc" });
        } catch (e) {
          return e;
        }
      })();
      expect(error, bad).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        expect.stringMatching(/^PORT/),
        `DEMO_PLATFORM must be shopify or cafe24 (got "${bad}")`,
      ]);
    }
  });

  it("refuses the Cafe24 demo beside real credentials (it makes up its own app)", () => {
    expect(() => loadConfig({ DEMO_PLATFORM: "cafe24", ...CAFE24 })).toThrow(/DEMO_PLATFORM=cafe24 is the demo/);
    expect(() => loadConfig({ DEMO_PLATFORM: "cafe24", ...SHOPIFY })).toThrow(/DEMO_PLATFORM=cafe24 is the demo/);
    expect(loadConfig({ DEMO_PLATFORM: "shopify", ...SHOPIFY }).demoPlatform).toBe("shopify");
  });
});
