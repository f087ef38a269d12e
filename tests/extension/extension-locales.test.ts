import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ExtensionLocales } from "../../server/src/storefront-preview/extension-locales.js";
import { EXTENSION_DIR } from "../../server/src/storefront-preview/liquid-engine.js";

const locales = new ExtensionLocales(EXTENSION_DIR);

describe("the preview's `t` filter (Shopify semantics)", () => {
  it("reads the extension's en and ko storefront strings", () => {
    expect(locales.translate("en", "banner.dismiss")).toBe("Dismiss");
    expect(locales.translate("ko", "banner.dismiss")).toBe("닫기");
  });

  it("says so when a key is missing, like Shopify", () => {
    expect(locales.translate("ko", "banner.nope")).toBe("translation missing: ko.banner.nope");
  });

  it("passes values into _html keys as given (the caller escapes) and escapes them elsewhere", () => {
    expect(locales.translate("en", "banner.greeting_html", { name: "<b>Kim</b>" })).toBe("Hi <b>Kim</b>,");
    const dir = mkdtempSync(path.join(os.tmpdir(), "dangol-locales-"));
    mkdirSync(path.join(dir, "locales"));
    writeFileSync(
      path.join(dir, "locales", "en.default.json"),
      JSON.stringify({ hello: "Hello {{ name }}", only_en: "English" }),
    );
    writeFileSync(path.join(dir, "locales", "ko.json"), JSON.stringify({ hello: "{{ name }}님" }));
    const custom = new ExtensionLocales(dir);
    expect(custom.translate("ko", "hello", { name: "<b>Kim</b>" })).toBe("&#60;b&#62;Kim&#60;/b&#62;님");
    expect(custom.translate("ko", "only_en")).toBe("English");
  });
});
