// Entry point Shopify's CLI bundles (dist/main.js): the pixel itself is in pixel.ts, free of the SDK so it can be
// run by the simulator's pixel harness in tests. A string body goes as text/plain: no CORS preflight.
import { register } from "@shopify/web-pixels-extension";
import { createDangolPixel } from "./pixel";

register(createDangolPixel((url, body) => fetch(url, { method: "POST", body, keepalive: true })));
