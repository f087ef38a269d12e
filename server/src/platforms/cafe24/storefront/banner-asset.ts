// The ScriptTag's script as the server serves it: its bytes, read once, and their SRI hash. The hash registered
// with Cafe24 (`integrity`) is computed from these same bytes, so the browser's check can only fail if the file
// changed after the tag was registered (the next install or launch re-registers it).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const BANNER_SCRIPT_FILE = fileURLToPath(new URL("./banner.js", import.meta.url));

/** Where the script and its decision endpoint live under CAFE24_STOREFRONT_PATH. */
export const BANNER_SCRIPT_NAME = "banner.js";

export interface BannerAsset {
  bytes: Buffer;
  /** `sha384-<base64>`, the form Cafe24's `integrity` and the browser's SRI check take. */
  integrity: string;
}

export function sriSha384(bytes: Buffer): string {
  return `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
}

export function loadBannerAsset(file = BANNER_SCRIPT_FILE): BannerAsset {
  const bytes = readFileSync(file);
  return { bytes, integrity: sriSha384(bytes) };
}

/** The ScriptTag `src` for one app: our public origin, the script, and the app's client id for the Front SDK. */
export function bannerScriptUrl(appUrl: string, storefrontPath: string, clientId: string): string {
  const url = new URL(`${appUrl.replace(/\/+$/, "")}${storefrontPath}/${BANNER_SCRIPT_NAME}`);
  url.searchParams.set("client_id", clientId);
  return url.toString();
}
