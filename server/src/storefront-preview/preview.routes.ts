import path from "node:path";
import express, { Router } from "express";
import { z } from "zod";
import type { StorefrontLang } from "./extension-locales.js";
import type { StorefrontDecision } from "../domain/campaigns/storefront-decision.js";
import type { PreviewCustomer } from "./customer-drop.js";
import { EXTENSION_DIR, createExtensionEngine } from "./liquid-engine.js";
import { previewErrorPage, type PreviewProblem } from "./preview-error-page.js";
import { createStorefrontPage, type PreviewPick } from "./storefront-page.js";

export interface PreviewDeps {
  /** The demo shop whose customers are previewed. */
  shop: string;
  loadCustomer(shop: string, customerId: string): Promise<PreviewCustomer | null | undefined>;
  /** The published decision (what the customer metafield holds), or null if none was published. */
  loadDecision(shop: string, customerId: string): Promise<StorefrontDecision | null | undefined>;
  /** A few interesting customers for the picker (due, holdout, coupon holder). */
  listPicks(shop: string): Promise<PreviewPick[]>;
  extensionDir?: string;
  /** Signs the app-proxy query for this shopper the way Shopify's proxy does, so the page's beacons are accepted. */
  signProxyQuery?: (customerId: string | null) => string;
}

const PRIVACY_API_FILE = path.join(import.meta.dirname, "public", "shopify-customer-privacy.js");
const Lang = z.enum(["en", "ko"]).default("en");
/** The visitor's privacy region: none (default) needs no consent, eu shows the cookie banner first. */
const Region = z.enum(["none", "eu"]).default("none");
const CustomerId = z
  .string()
  .regex(/^[A-Za-z0-9_\-:/.]{1,128}$/)
  .optional();

/**
 * Demo-mode storefront preview: GET /?customer=<id>&lang=en|ko&region=none|eu renders the theme extension's Liquid as a shopper
 * would see it, and GET /assets/<file> serves the extension's assets at the URLs `asset_url` produced.
 */
export function previewRoutes(deps: PreviewDeps): Router {
  const extensionDir = deps.extensionDir ?? EXTENSION_DIR;
  const renderPage = createStorefrontPage(createExtensionEngine(extensionDir));
  const router = Router();

  router.use("/assets", express.static(path.join(extensionDir, "assets"), { index: false, fallthrough: false }));
  // What content_for_header gives a real storefront: here, the emulated Customer Privacy API.
  router.get("/shopify/customer-privacy.js", (_req, res) => res.sendFile(PRIVACY_API_FILE));

  router.get("/", async (req, res) => {
    const lang = Lang.safeParse(req.query.lang);
    const customerId = CustomerId.safeParse(req.query.customer);
    // A person reads this page: bad input gets a page in their language that says so, not the API's JSON error.
    const problemPage = async (status: number, problem: PreviewProblem, language: StorefrontLang) => {
      const rawId = typeof req.query.customer === "string" ? req.query.customer : "";
      const html = previewErrorPage({
        lang: language,
        problem,
        customerId: rawId,
        picks: await deps.listPicks(deps.shop),
        base: req.baseUrl,
      });
      res.status(status).type("html").set("Cache-Control", "no-store").send(html);
    };
    if (!lang.success) return problemPage(400, "invalid_lang", "en");
    if (!customerId.success) return problemPage(400, "invalid_customer", lang.data);
    const region = Region.safeParse(req.query.region);
    if (!region.success) return problemPage(400, "invalid_region", lang.data);
    const query = { lang: lang.data, customer: customerId.data };
    const [customer, decision, picks] = await Promise.all([
      query.customer ? deps.loadCustomer(deps.shop, query.customer) : null,
      query.customer ? deps.loadDecision(deps.shop, query.customer) : null,
      deps.listPicks(deps.shop),
    ]);
    if (query.customer && !customer) return problemPage(404, "unknown_customer", query.lang);
    const html = await renderPage({
      lang: query.lang,
      customer: customer ?? null,
      decision: decision ?? null,
      picks,
      assetBase: `${req.baseUrl}/assets`,
      consentRequired: region.data === "eu",
      privacyApiSrc: `${req.baseUrl}/shopify/customer-privacy.js`,
    });
    res
      .type("html")
      .set("Cache-Control", "no-store")
      .send(deps.signProxyQuery ? signBeaconUrls(html, deps.signProxyQuery(customer ? query.customer! : null)) : html);
  });

  return router;
}

/** On a real storefront Shopify appends the signed query when proxying /apps/dangol/*; the preview does it here. */
function signBeaconUrls(html: string, signedQuery: string): string {
  return html.replaceAll('"/apps/dangol/events"', `"/apps/dangol/events?${signedQuery.replaceAll("&", "&amp;")}"`);
}
