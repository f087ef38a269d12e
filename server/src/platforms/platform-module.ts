// Everything the app needs from one platform, as one value: its adapter (and through it its capabilities), where
// its webhooks arrive, who a storefront request comes from, routes and jobs of its own. main.ts lists the modules
// it runs; adding a platform is one more entry in that list. Neutral: no platform's code lives here.
import type { RequestHandler, Router } from "express";
import type { Job } from "../jobs/job.js";
import type { DataEraser } from "../services/privacy.service.js";
import type { WebhookIngestService } from "../services/webhook-ingest.service.js";
import type { AppProxyIdentity, CommercePlatform, PlatformCapabilities, PlatformId } from "./commerce-platform.js";

/** A route a platform brings (install, OAuth callback, app launch), the same shape as http/app.ts's Mount. */
export interface PlatformMount {
  path: string;
  handler: Router | RequestHandler;
}

/** What the app hands a platform's own routes and jobs: the work an install or a webhook of its kind starts. */
export interface PlatformWiring {
  /** Backfills a newly installed shop, then fits and publishes (as Shopify's install does). */
  backfill(shop: string): Promise<unknown>;
  shopSynced(shop: string): Promise<void>;
  log(message: string): void;
}

export interface PlatformModule {
  readonly id: PlatformId;
  readonly adapter: CommercePlatform;
  /** The adapter's, repeated for the composition root: what it can do, so nothing is faked for the rest. */
  readonly capabilities: PlatformCapabilities;
  /** Where the platform posts its webhooks; mounted before any body parser (the signature covers the bytes). */
  readonly webhookPath: string;
  /** Its own webhook route, when the shared one's answers don't fit (Cafe24 asks for 403 on a bad key, not 401). */
  webhookRoutes?(ingest: Pick<WebhookIngestService, "ingest">): Router;
  /** Its own tables to clear when a shop is erased (tokens, install states). */
  readonly erasers?: DataEraser[];
  /** Storefront identity: the path its storefront calls and who a signed request there comes from. */
  readonly storefront: { path: string; identify(rawQuery: string): AppProxyIdentity | null };
  /** Its own routes (install, OAuth callbacks), mounted before the body parser: they bring their own. */
  rawMounts?(wiring: PlatformWiring): PlatformMount[];
  /** Its own scheduled jobs (e.g. a token refresh); the shared ones (reconcile, recompute) run for every shop. */
  jobs?(wiring: PlatformWiring): Job[];
  /** Stops its background work on shutdown. */
  stop?(): Promise<void>;
}
