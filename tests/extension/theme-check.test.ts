import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { check, type Offense } from "@shopify/theme-check-node";
import { describe, expect, it } from "vitest";
import { EXTENSION_DIR } from "../../server/src/storefront-preview/liquid-engine.js";

const ERROR = 0;
const describeOffense = (o: Offense) => `${o.check} ${o.uri}:${o.start.line + 1} ${o.message}`;

describe("Shopify theme-check on extensions/dangol-banner", () => {
  it("reports no errors (theme-app-extension config)", async () => {
    const offenses = await check(EXTENSION_DIR);
    expect(offenses.filter((o) => o.severity === ERROR).map(describeOffense)).toEqual([]);
    // Warnings are not allowed either: the extension is small enough to keep clean.
    expect(offenses.map(describeOffense)).toEqual([]);
  });

  it("flags a deliberately broken copy (so the check above can fail)", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dangol-bad-ext-"));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    const snippet = path.join(dir, "snippets", "dangol-banner.liquid");
    const broken = readFileSync(snippet, "utf8")
      .replace("'banner.dismiss' | t", "'banner.no_such_key' | t")
      .concat('\n<script src="https://cdn.example.com/tracker.js"></script>\n');
    writeFileSync(snippet, broken);
    const block = path.join(dir, "blocks", "dangol-banner.liquid");
    writeFileSync(block, readFileSync(block, "utf8").concat("\n{% javascript %}alert(1){% endjavascript %}\n"));

    const ko = path.join(dir, "locales", "ko.json");
    const koStrings = JSON.parse(readFileSync(ko, "utf8"));
    delete koStrings.notice.dismiss;
    writeFileSync(ko, JSON.stringify(koStrings));

    const errors = (await check(dir)).filter((o) => o.severity === ERROR).map((o) => o.check);
    expect(errors).toEqual(
      expect.arrayContaining([
        "TranslationKeyExists",
        "ParserBlockingScript",
        "AppBlockValidTags",
        "MatchingTranslations",
      ]),
    );
  });
});
