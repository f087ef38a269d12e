// The real composition root (startApp) on port 0 with its database in a fresh temporary directory, for the tests
// that check what main.ts wires; close() stops it and removes the directory.
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../server/src/config.js";
import { type RunningApp, startApp } from "../../server/src/main.js";

/** Shopify's and Cafe24's credentials side by side, as a shop that sells on both sets them. */
export const SHOPIFY_AND_CAFE24_ENV = {
  SHOPIFY_API_KEY: "test-api-key",
  SHOPIFY_API_SECRET: "test-api-secret",
  SHOPIFY_APP_URL: "https://dangol.example.com",
  CAFE24_CLIENT_ID: "cafe24-client",
  CAFE24_CLIENT_SECRET: "cafe24-secret",
  CAFE24_APP_URL: "https://dangol.example.com",
  CAFE24_WEBHOOK_KEY: "the-webhook-key",
};

export interface RealApp {
  app: RunningApp;
  base: string;
  close(): Promise<void>;
}

/** `env` may name files in the directory (e.g. DATABASE_URL); without one the config's default database is there. */
export async function startRealApp(
  dirPrefix: string,
  env: (dir: string) => Record<string, string | undefined>,
): Promise<RealApp> {
  const dir = mkdtempSync(path.join(tmpdir(), dirPrefix));
  let app: RunningApp | undefined;
  const close = async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    app = await startApp({ ...loadConfig(env(dir), dir), port: 0 });
  } catch (err) {
    await close();
    throw err;
  }
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close };
}
