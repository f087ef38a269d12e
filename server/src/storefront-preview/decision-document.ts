// The admin editor's preview: a decision rendered by the theme extension's own Liquid (the same engine and blocks
// as /preview and Shopify), alone in a small document the editor shows in a sandboxed iframe. One renderer.
import type { StorefrontDecision } from "../domain/campaigns/storefront-decision.js";
import { customerDrop } from "./customer-drop.js";
import type { StorefrontLang } from "./extension-locales.js";
import { createExtensionEngine, type ExtensionEngine } from "./liquid-engine.js";

export interface DecisionDocumentInput {
  decision: StorefrontDecision;
  lang: StorefrontLang;
  customer: { id: string; firstName: string | null };
}

export type DecisionDocumentRenderer = (input: DecisionDocumentInput) => Promise<string>;

// A plain theme's body text (as on /preview); the notice bar is fixed to the bottom, so the body leaves it room.
const PAGE_CSS =
  'body{margin:0;padding:8px;font:16px/1.5 system-ui,-apple-system,"Apple SD Gothic Neo",sans-serif;color:#1a1a1a}' +
  "html:lang(ko) body{word-break:keep-all;overflow-wrap:break-word}";

export function createDecisionDocumentRenderer(
  engine: ExtensionEngine = createExtensionEngine(),
): DecisionDocumentRenderer {
  return async ({ decision, lang, customer }) => {
    const globals = {
      lang,
      customer: customerDrop({ id: customer.id, firstName: customer.firstName, lastName: null, email: null }, decision),
      // No scripts run in the editor's sandboxed frame; asset URLs only appear in schema tags, never rendered here.
      assetBase: "/preview/assets",
    };
    const banner = await engine.renderBlock("dangol-banner", globals);
    const notice = await engine.renderBlock("coupon-expiry-bar", globals);
    return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><style>${PAGE_CSS}</style></head><body>${banner.html}${notice.html}</body></html>`;
  };
}
