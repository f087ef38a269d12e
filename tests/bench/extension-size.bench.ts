// Gzipped size of the storefront JavaScript the theme extension ships, against its 2 KB budget
// (and Shopify's 10 KB suggestion). Lower is better; ratio < 1 means within budget.
import { EXTENSION_DIR } from "../../server/src/storefront-preview/liquid-engine.js";
import { loadBannerAsset } from "../../server/src/platforms/cafe24/storefront/banner-asset.js";
import { JS_BUDGET_GZIP_BYTES, measureExtensionJs, measureScriptBytes } from "../extension/js-size.js";

const { pieces, totalGzip } = measureExtensionJs(EXTENSION_DIR);
for (const p of pieces) console.log(`${p.source}: ${p.rawBytes} B raw, ${p.gzipBytes} B gzipped`);
console.log(`extension_js_gzip_bytes ${totalGzip} (budget ${JS_BUDGET_GZIP_BYTES}, Shopify suggests <= 10000)`);
console.log(`ratio extension_js_gzip_vs_budget ${(totalGzip / JS_BUDGET_GZIP_BYTES).toFixed(3)}`);
const cafe24 = measureScriptBytes("cafe24 banner.js", loadBannerAsset().bytes);
console.log(
  `cafe24_scripttag_js_gzip_bytes ${cafe24.gzipBytes} (${cafe24.rawBytes} B raw, budget ${JS_BUDGET_GZIP_BYTES})`,
);
console.log(`ratio cafe24_scripttag_js_gzip_vs_budget ${(cafe24.gzipBytes / JS_BUDGET_GZIP_BYTES).toFixed(3)}`);
if (totalGzip > JS_BUDGET_GZIP_BYTES || cafe24.gzipBytes > JS_BUDGET_GZIP_BYTES) process.exitCode = 1;
