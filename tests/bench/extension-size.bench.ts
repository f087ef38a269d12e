// Gzipped size of the storefront JavaScript the theme extension ships, against its 2 KB budget
// (and Shopify's 10 KB suggestion). Lower is better; ratio < 1 means within budget.
import { EXTENSION_DIR } from "../../server/src/storefront-preview/liquid-engine.js";
import { JS_BUDGET_GZIP_BYTES, measureExtensionJs } from "../extension/js-size.js";

const { pieces, totalGzip } = measureExtensionJs(EXTENSION_DIR);
for (const p of pieces) console.log(`${p.source}: ${p.rawBytes} B raw, ${p.gzipBytes} B gzipped`);
console.log(`extension_js_gzip_bytes ${totalGzip} (budget ${JS_BUDGET_GZIP_BYTES}, Shopify suggests <= 10000)`);
console.log(`ratio extension_js_gzip_vs_budget ${(totalGzip / JS_BUDGET_GZIP_BYTES).toFixed(3)}`);
if (totalGzip > JS_BUDGET_GZIP_BYTES) process.exitCode = 1;
