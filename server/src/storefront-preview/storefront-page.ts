import path from "node:path";
import { Liquid } from "liquidjs";
import type { LocalizedText, StorefrontDecision } from "../domain/campaigns/storefront-decision.js";
import { customerDrop, type PreviewCustomer } from "./customer-drop.js";
import type { StorefrontLang } from "./extension-locales.js";
import { createExtensionEngine, type ExtensionEngine, type RenderedBlock } from "./liquid-engine.js";
import { DEMO_PRODUCTS, PAGE_STRINGS } from "./preview-strings.js";

/** A customer worth previewing, for the picker (e.g. "due to re-order", "holdout: sees nothing", "coupon expiring"). */
export interface PreviewPick {
  id: string;
  name: string;
  label: LocalizedText;
}

export interface StorefrontPageInput {
  lang: StorefrontLang;
  /** Null previews the store as a guest. */
  customer: PreviewCustomer | null;
  decision: StorefrontDecision | null;
  picks: PreviewPick[];
  assetBase: string;
  /** The visitor is in a region where the shop needs consent: the emulated cookie banner asks for it. */
  consentRequired?: boolean;
  /** Where the emulated Customer Privacy API script is served (public/shopify-customer-privacy.js). */
  privacyApiSrc: string;
}

const VIEWS = path.join(import.meta.dirname, "views");

/** Renders the demo storefront with the app block in a section and the app embed at the end of <body>. */
export function createStorefrontPage(engine: ExtensionEngine = createExtensionEngine()) {
  const page = new Liquid({ root: VIEWS, extname: ".liquid", strictFilters: true, cache: true });

  return async function renderStorefrontPage(input: StorefrontPageInput): Promise<string> {
    const globals = {
      lang: input.lang,
      customer: input.customer ? customerDrop(input.customer, input.decision) : null,
      assetBase: input.assetBase,
    };
    const banner = await engine.renderBlock("dangol-banner", globals);
    const embed = await engine.renderBlock("coupon-expiry-bar", globals);
    // Shopify loads each schema asset once per page: stylesheets in <head>, scripts deferred.
    const assets = (key: "javascript" | "stylesheet", blocks: RenderedBlock[]) =>
      [...new Set(blocks.map((b) => b.schema[key]).filter((f): f is string => Boolean(f)))].map((f) =>
        engine.assetUrl(f, input.assetBase),
      );
    return page.renderFile("storefront", {
      lang: input.lang,
      consent_required: input.consentRequired === true,
      privacy_api_src: input.privacyApiSrc,
      s: PAGE_STRINGS[input.lang],
      customer: globals.customer,
      selected_id: input.customer?.id ?? null,
      picks: input.picks.map((p) => ({ id: p.id, name: p.name, label: p.label[input.lang] })),
      products: DEMO_PRODUCTS.map((p) => ({ title: p.title[input.lang], price: p.price, hue: p.hue })),
      stylesheets: assets("stylesheet", [banner, embed]),
      scripts: assets("javascript", [banner, embed]),
      banner_html: banner.html,
      embed_html: embed.html,
    });
  };
}
