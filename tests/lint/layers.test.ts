// The architecture as a test: which layer may import which (README "Architecture", issue 10). SQL is written in
// db/ only; domain/ is pure; only http/ itself and the composition root (main.ts, main/) import http/; services
// reach a platform only through the neutral platforms/*.ts (the CommercePlatform interface, the registry), never a
// platform's own folder; and only the composition root builds the registry. A probe shows each rule can fail.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../server/src");

/** Packages domain/ must not use: frameworks, database drivers, platform SDKs, schedulers. */
const IMPURE_PACKAGES = /^(express|kysely|pg|sqlite3|node-cron|@shopify\/.*)(\/.*)?$/;
const DOMAIN_MAY_NOT_REACH = ["db", "http", "services", "jobs", "platforms", "main", "demo", "simulator", "cli"];
/** Kysely's query builders and its sql`` template: SQL is written in db/ only ("SQL only in repositories"). */
const SQL_CALL = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto)\(|\bsql`/;
const COMPOSITION_ROOT = (file: string) => file === "main.ts" || file.startsWith("main/");

/** Every module specifier a file names: static imports and re-exports (type-only too) and dynamic import(). */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']/g, /\bimport\s*\(?\s*["']([^"']+)["']/g];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push(m[1]);
  return found;
}

/** A specifier as a path under server/src ("platforms/shopify/index.js"), or the package name as written. */
function target(file: string, specifier: string): { internal: string } | { pkg: string } {
  if (!specifier.startsWith(".")) return { pkg: specifier };
  return { internal: path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) };
}

/** The rules, over files given as path under server/src → text. Returns one line per violation. */
function layerViolations(files: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    const layer = file.split("/")[0];
    for (const spec of specifiers(text)) {
      const t = target(file, spec);
      const where = `${file} imports ${spec}`;
      if (layer === "domain") {
        if ("pkg" in t && IMPURE_PACKAGES.test(t.pkg)) found.push(`${where}: domain is pure`);
        if ("internal" in t && DOMAIN_MAY_NOT_REACH.includes(t.internal.split("/")[0]))
          found.push(`${where}: domain depends on nothing outside it`);
      }
      if ("internal" in t && t.internal.startsWith("http/") && layer !== "http" && !COMPOSITION_ROOT(file))
        found.push(`${where}: only http/ and the composition root import http/`);
      // platforms/<name>/… is a platform's own code; platforms/*.ts (one segment below) is the neutral contract.
      if (layer === "services" && "internal" in t && /^platforms\/[^/]+\//.test(t.internal))
        found.push(`${where}: services use platforms through the registry, never a platform's own folder`);
    }
    if (layer === "domain" && /\bprocess\.env\b/.test(text)) found.push(`${file} reads process.env: domain is pure`);
    if (layer !== "db" && SQL_CALL.test(text)) found.push(`${file} writes SQL: only db/ (its repositories) does`);
    if (!COMPOSITION_ROOT(file) && file !== "platforms/registry.ts" && /\bcreatePlatformRegistry\s*\(/.test(text))
      found.push(`${file} builds a PlatformRegistry: only main.ts does (and tests)`);
  }
  return found;
}

function sourceTree(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(SRC, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ts|tsx|mts|mjs)$/.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(SRC, full).split(path.sep).join("/"), readFileSync(full, "utf8"));
  }
  return files;
}

describe("layers", () => {
  it("server/src keeps its layers: pure domain, http/ only from the root, platforms only through the registry", () => {
    const tree = sourceTree();
    expect(tree.size).toBeGreaterThan(100); // the walk really read the tree
    expect(layerViolations(tree)).toEqual([]);
  });

  it("reports every kind of violation (the check can fail)", () => {
    const probe = new Map([
      ["domain/a.ts", 'import express from "express";\nimport type { Kysely } from "kysely";'],
      ["domain/b.ts", 'import { x } from "../db/repositories/order.repository.js";\nconst k = process.env.KEY;'],
      ["domain/c.ts", 'export { y } from "../platforms/registry.js";\nimport "@shopify/shopify-api/adapters/node";'],
      ["services/d.ts", 'import type { ShopifyStack } from "../platforms/shopify/shopify-stack.js";'],
      ["services/e.ts", 'import type { PlatformLookup } from "../platforms/registry.js";'], // allowed
      ["jobs/f.ts", 'const { webhookRoutes } = await import("../http/routes/webhooks.routes.js");'],
      ["demo/g.ts", "const platforms = createPlatformRegistry(db, [adapter]);"],
      ["main.ts", 'import { createApp } from "./http/app.js";\ncreatePlatformRegistry(db, []);'], // allowed
      ["http/h.ts", 'import { errorHandler } from "./error-handler.js";'], // allowed
      ["services/i.ts", 'await db.selectFrom("orders").selectAll().execute();'],
      ["http/j.ts", "await sql`select 1`.execute(db);"],
      ["db/repositories/k.ts", 'await sql`select 1`.execute(db);\nawait db.insertInto("orders");'], // allowed
    ]);
    expect(layerViolations(probe)).toEqual([
      "domain/a.ts imports express: domain is pure",
      "domain/a.ts imports kysely: domain is pure",
      "domain/b.ts imports ../db/repositories/order.repository.js: domain depends on nothing outside it",
      "domain/b.ts reads process.env: domain is pure",
      "domain/c.ts imports ../platforms/registry.js: domain depends on nothing outside it",
      "domain/c.ts imports @shopify/shopify-api/adapters/node: domain is pure",
      "services/d.ts imports ../platforms/shopify/shopify-stack.js: services use platforms through the registry, never a platform's own folder",
      "jobs/f.ts imports ../http/routes/webhooks.routes.js: only http/ and the composition root import http/",
      "demo/g.ts builds a PlatformRegistry: only main.ts does (and tests)",
      "services/i.ts writes SQL: only db/ (its repositories) does",
      "http/j.ts writes SQL: only db/ (its repositories) does",
    ]);
  });
});
