import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { FLOW_TRIGGERS } from "../../server/src/domain/flow/flow-triggers.js";

// The Shopify CLI's theme-check validates theme extensions only; these are the rules of the Flow trigger reference
// (https://shopify.dev/docs/apps/build/flow/triggers/reference): type flow_trigger, name, handle of at most 30
// letters, digits and hyphens unique in the app, [[settings.fields]] each with a known type, custom ones with a key.
const root = path.resolve(import.meta.dirname, "../../extensions/dangol-flow-triggers");
const tomls = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => parse(readFileSync(path.join(root, d.name, "shopify.extension.toml"), "utf8")) as any);
const FIELD_TYPES = ["customer_reference", "single_line_text_field", "number_integer", "number_decimal", "boolean"];

describe("extensions/dangol-flow-triggers", () => {
  it("holds three flow_trigger extensions with the keys Flow requires", () => {
    expect(tomls).toHaveLength(3);
    for (const toml of tomls) {
      expect(toml.extensions).toHaveLength(1);
      const [ext] = toml.extensions;
      expect(ext.type).toBe("flow_trigger");
      expect(ext.name).toEqual(expect.any(String));
      expect(ext.description).toEqual(expect.any(String));
      expect(ext.handle).toMatch(/^[a-zA-Z0-9-]{1,30}$/);
      for (const field of toml.settings.fields) {
        expect(FIELD_TYPES).toContain(field.type);
        if (!field.type.endsWith("_reference")) expect(field.key).toEqual(expect.any(String));
      }
    }
    expect(new Set(tomls.map((t) => t.extensions[0].handle)).size).toBe(3);
  });

  it("declares exactly the fields the server sends", () => {
    const declared = tomls.map((t) => ({
      handle: t.extensions[0].handle,
      fields: t.settings.fields.map((f: any) => ({ type: f.type, key: f.key ?? "customer_id" })),
    }));
    const sent = FLOW_TRIGGERS.map((t) => ({ handle: t.handle, fields: t.fields }));
    expect(declared.sort((a, b) => a.handle.localeCompare(b.handle))).toEqual(
      [...sent].sort((a, b) => a.handle.localeCompare(b.handle)),
    );
  });

  it("is found by the Shopify CLI through extension_directories", () => {
    const app = parse(readFileSync(path.resolve(root, "../../shopify.app.toml"), "utf8")) as any;
    expect(app.extension_directories).toEqual(
      expect.arrayContaining(["extensions/*", "extensions/dangol-flow-triggers/*"]),
    );
  });
});
