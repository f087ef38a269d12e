// The linter, formatter and type checker are part of the suite: Biome (biome.json) over the whole tree, tsc over
// tsconfig.json (tsx runs the code unchecked), and one project rule Biome can't express: relative imports name
// their file (".js" for TypeScript, as Node's ESM resolution needs).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIOME = path.join(ROOT, "node_modules/.bin/biome");
const SOURCE_DIRS = ["server", "web/src", "tests", "scripts"];

const biome = (args: string[], input?: string) =>
  spawnSync(BIOME, args, { cwd: ROOT, encoding: "utf8", input, maxBuffer: 64 * 1024 * 1024 });

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name) && !e.parentPath.includes("node_modules"))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Relative import specifiers with no file extension, as "file:line specifier". */
function bareRelativeImports(file: string, text: string): string[] {
  const found: string[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    const m = /(?:\bfrom\s+|^\s*import\s+|\bimport\(\s*)["'](\.{1,2}\/[^"']+)["']/.exec(line);
    if (m && !/\.(js|json|css)$/.test(m[1])) found.push(`${path.relative(ROOT, file)}:${i + 1} ${m[1]}`);
  }
  return found;
}

describe("lint", () => {
  it("finds no Biome formatting or lint problem in the tree", () => {
    const r = biome(["ci", "--reporter=summary", "--max-diagnostics=50", "."]);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  }, 120_000);

  it("type-checks the whole tree (tsc --noEmit)", () => {
    const r = spawnSync(path.join(ROOT, "node_modules/.bin/tsc"), ["--noEmit", "-p", "tsconfig.json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status, r.stdout).toBe(0);
  }, 180_000);

  it("catches an unformatted or suspicious file (the check works)", () => {
    const bad = "let x = 1;;if (x = 2) { console.log( x ) }\n";
    expect(biome(["check", "--stdin-file-path=probe.ts"], bad).status).not.toBe(0);
  });

  it("finds every relative import naming its file", () => {
    const files = SOURCE_DIRS.flatMap(sourceFiles).filter((f) => f !== import.meta.filename); // its probe below
    const bare = files.flatMap((f) => bareRelativeImports(f, readFileSync(f, "utf8")));
    expect(bare).toEqual([]);
  });

  it("flags a bare relative import (the import check works)", () => {
    const probe = [
      'import { a } from "./a";',
      'import b from "./b.js";',
      'const c = await import("../c");',
      'const d = "./d";',
    ];
    expect(bareRelativeImports(path.join(ROOT, "x.ts"), probe.join("\n"))).toEqual(["x.ts:1 ./a", "x.ts:3 ../c"]);
  });
});
