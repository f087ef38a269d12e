import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EXTENSION_DIR } from "../../server/src/storefront-preview/liquid-engine.js";
import { loadBannerAsset } from "../../server/src/platforms/cafe24/storefront/banner-asset.js";
import { JS_BUDGET_GZIP_BYTES, measureExtensionJs, measureScriptBytes } from "./js-size.js";

describe("storefront JavaScript budget", () => {
  it("ships at most 2 KB of gzipped JavaScript, inline guards included", () => {
    const { pieces, totalGzip } = measureExtensionJs(EXTENSION_DIR);
    expect(pieces.map((p) => p.source)).toContain("assets/dangol.js");
    expect(pieces.some((p) => p.source.includes("(inline)"))).toBe(true);
    expect(totalGzip).toBeGreaterThan(0);
    expect(totalGzip).toBeLessThanOrEqual(JS_BUDGET_GZIP_BYTES);
  });

  it("catches an extension that outgrows the budget", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dangol-ext-"));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    // Random hex barely compresses: 6 KB of it is ~3 KB gzipped, over the budget.
    writeFileSync(path.join(dir, "assets", "extra.js"), `window.x = "${randomBytes(3000).toString("hex")}";\n`);
    expect(measureExtensionJs(dir).totalGzip).toBeGreaterThan(JS_BUDGET_GZIP_BYTES);
  });
});

describe("Cafe24 ScriptTag JavaScript budget", () => {
  it("serves at most 2 KB of gzipped JavaScript (the bytes its integrity covers)", () => {
    const { bytes } = loadBannerAsset();
    const piece = measureScriptBytes("cafe24 banner.js", bytes);
    expect(piece.gzipBytes).toBeGreaterThan(0);
    expect(piece.gzipBytes).toBeLessThanOrEqual(JS_BUDGET_GZIP_BYTES);
  });

  it("catches a script that outgrows the budget", () => {
    const { bytes } = loadBannerAsset();
    const padded = Buffer.concat([bytes, Buffer.from(`window.x = "${randomBytes(600).toString("hex")}";\n`)]);
    expect(measureScriptBytes("padded", padded).gzipBytes).toBeGreaterThan(JS_BUDGET_GZIP_BYTES);
  });
});
