// Measures the storefront JavaScript the extension ships: every assets/*.js file plus inline <script> bodies
// in blocks/ and snippets/, each gzipped (level 9) the way a CDN would send it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export const JS_BUDGET_GZIP_BYTES = 2048;

export interface JsPiece {
  source: string;
  rawBytes: number;
  gzipBytes: number;
}

const gz = (text: string) => gzipSync(Buffer.from(text, "utf8"), { level: 9 }).length;

export function measureExtensionJs(extensionDir: string): { pieces: JsPiece[]; totalGzip: number } {
  const pieces: JsPiece[] = [];
  for (const file of readdirSync(path.join(extensionDir, "assets"))
    .filter((f) => f.endsWith(".js"))
    .sort()) {
    const text = readFileSync(path.join(extensionDir, "assets", file), "utf8");
    pieces.push({ source: `assets/${file}`, rawBytes: Buffer.byteLength(text), gzipBytes: gz(text) });
  }
  for (const dir of ["blocks", "snippets"]) {
    for (const file of readdirSync(path.join(extensionDir, dir))
      .filter((f) => f.endsWith(".liquid"))
      .sort()) {
      const liquid = readFileSync(path.join(extensionDir, dir, file), "utf8");
      for (const [, body] of liquid.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
        if (body.trim())
          pieces.push({ source: `${dir}/${file} (inline)`, rawBytes: Buffer.byteLength(body), gzipBytes: gz(body) });
      }
    }
  }
  return { pieces, totalGzip: pieces.reduce((sum, p) => sum + p.gzipBytes, 0) };
}

/** One served script on its own (the Cafe24 ScriptTag's), gzipped the same way, against the same budget. */
export function measureScriptBytes(source: string, bytes: Buffer): JsPiece {
  return { source, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}
