import { readFileSync } from "node:fs";
import path from "node:path";

export type StorefrontLang = "en" | "ko";
type Tree = { [key: string]: string | Tree };

/** Storefront strings of the theme extension (locales/en.default.json and ko.json), looked up like Shopify's `t`. */
export class ExtensionLocales {
  private readonly trees: Record<StorefrontLang, Tree>;

  constructor(extensionDir: string) {
    const read = (file: string) => JSON.parse(readFileSync(path.join(extensionDir, "locales", file), "utf8")) as Tree;
    this.trees = { en: read("en.default.json"), ko: read("ko.json") };
  }

  /**
   * Shopify semantics: falls back to the default (English) file, answers "translation missing: …" for unknown
   * keys, and fills `{{ var }}`; values are HTML-escaped unless the key ends in `_html` (the caller then
   * escapes what it passes, as the banner does for the customer's name).
   */
  translate(lang: StorefrontLang, key: string, vars: Record<string, unknown> = {}): string {
    const text = lookup(this.trees[lang], key) ?? lookup(this.trees.en, key);
    if (text === undefined) return `translation missing: ${lang}.${key}`;
    const raw = key.endsWith("_html");
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => {
      const value = vars[name] === undefined || vars[name] === null ? "" : String(vars[name]);
      return raw ? value : escapeHtml(value);
    });
  }
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
