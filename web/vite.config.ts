import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes a .br and a .gz next to every text asset at build time, at maximum compression, so the server
 * (server/src/http/web-ui.ts) sends them as they are: no compression work per request, and better ratios than
 * on-the-fly compression could afford.
 */
function precompress(): Plugin {
  return {
    name: "dangol-precompress",
    apply: "build",
    async writeBundle(options, bundle) {
      const outDir = options.dir!;
      const files = Object.values(bundle).filter((f) => COMPRESSIBLE.test(f.fileName));
      await Promise.all(
        files.map(async (f) => {
          const data = Buffer.from(f.type === "chunk" ? f.code : f.source);
          if (data.length < MIN_BYTES) return;
          const target = path.join(outDir, f.fileName);
          const br = await brotli(data, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
          });
          await writeFile(`${target}.br`, br);
          await writeFile(`${target}.gz`, await gzipAsync(data, { level: 9 }));
        }),
      );
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      // Named vendor chunks: they change only when the dependency does, so a redeploy keeps them cached.
      output: {
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: "charts",
              test: /node_modules[\\/](@shopify[\\/]polaris-viz[^\\/]*|d3-[^\\/]+|@react-spring[\\/][^\\/]+)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
