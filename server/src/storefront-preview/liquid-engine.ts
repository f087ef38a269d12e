// Renders the theme app extension's blocks with liquidjs the way Shopify would (shared by the preview and tests).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Liquid, type Template } from "liquidjs";
import { SchemaTag, type BlockSchema } from "./schema-tag.js";
import { ExtensionLocales, escapeHtml, type StorefrontLang } from "./extension-locales.js";
import type { LiquidCustomer } from "./customer-drop.js";

export const EXTENSION_DIR = path.resolve(import.meta.dirname, "../../../extensions/dangol-banner");

/** What a storefront request knows: the shopper's language, the logged-in customer (or null), where assets live. */
export interface StorefrontGlobals {
  lang: StorefrontLang;
  customer: LiquidCustomer | null;
  /** URL prefix the preview serves extensions/dangol-banner/assets from, e.g. "/preview/assets". */
  assetBase: string;
}

export interface RenderedBlock {
  html: string;
  schema: BlockSchema;
}

export interface ExtensionEngine {
  /** Renders blocks/<name>.liquid; settings fall back to the schema defaults, as in a fresh theme. */
  renderBlock(name: string, globals: StorefrontGlobals, settings?: Record<string, unknown>): Promise<RenderedBlock>;
  assetUrl(file: string, assetBase: string): string;
}

interface ParsedBlock {
  templates: Template[];
  schema: BlockSchema;
}

export function createExtensionEngine(extensionDir: string = EXTENSION_DIR): ExtensionEngine {
  const locales = new ExtensionLocales(extensionDir);
  const liquid = new Liquid({
    root: path.join(extensionDir, "snippets"),
    extname: ".liquid",
    strictFilters: true,
    cache: true,
  });
  liquid.registerTag("schema", SchemaTag);

  const assetUrl = (file: string, assetBase: string) => {
    const version = Math.floor(statSync(path.join(extensionDir, "assets", path.basename(file))).mtimeMs);
    return `${assetBase}/${encodeURIComponent(path.basename(file))}?v=${version}`;
  };
  const globalsOf = (filter: { context: { globals: object } }) =>
    filter.context.globals as { request: { locale: { iso_code: StorefrontLang } }; preview_asset_base: string };

  liquid.registerFilter("t", function (this: { context: { globals: object } }, key: string, ...args: unknown[]) {
    // liquidjs passes `t: name: value` keyword arguments as [name, value] pairs.
    const vars = Object.fromEntries(args.filter((a): a is [string, unknown] => Array.isArray(a) && a.length === 2));
    return locales.translate(globalsOf(this).request.locale.iso_code, String(key), vars);
  });
  liquid.registerFilter("asset_url", function (this: { context: { globals: object } }, file: string) {
    return assetUrl(String(file), globalsOf(this).preview_asset_base);
  });
  liquid.registerFilter(
    "stylesheet_tag",
    (url: string) => `<link href="${escapeHtml(String(url))}" rel="stylesheet" type="text/css" media="all">`,
  );
  liquid.registerFilter(
    "script_tag",
    (url: string) => `<script src="${escapeHtml(String(url))}" type="text/javascript"></script>`,
  );

  const parsed = new Map<string, ParsedBlock>();
  const parseBlock = (name: string): ParsedBlock => {
    const cached = parsed.get(name);
    if (cached) return cached;
    const file = path.join(extensionDir, "blocks", `${path.basename(name)}.liquid`);
    const templates = liquid.parse(readFileSync(file, "utf8"), file);
    const schemaTag = templates.find((t): t is SchemaTag => t instanceof SchemaTag);
    if (!schemaTag) throw new Error(`${file} has no {% schema %}`);
    const block = { templates, schema: schemaTag.json };
    parsed.set(name, block);
    return block;
  };

  return {
    assetUrl,
    async renderBlock(name, globals, settings = {}) {
      const { templates, schema } = parseBlock(name);
      const defaults = Object.fromEntries((schema.settings ?? []).filter((s) => s.id).map((s) => [s.id, s.default]));
      const html = await liquid.render(
        templates,
        { block: { settings: { ...defaults, ...settings }, shopify_attributes: "" } },
        {
          globals: {
            request: { locale: { iso_code: globals.lang } },
            customer: globals.customer,
            preview_asset_base: globals.assetBase,
          },
        },
      );
      return { html, schema };
    },
  };
}
