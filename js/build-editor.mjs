// Bundles js/editor.js with CodeMirror into static/editor/ (run by Trunk's pre-build hook): the
// module editor.js, which the page loads, and chunks/ that it imports when first needed (the SQL
// and JavaScript/TypeScript highlighting).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { rmSync } from "node:fs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "static/editor");
// Chunk names carry a hash of their content: old ones would pile up.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, "js/editor.js")],
  outdir,
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  minify: process.env.RELPLAY_DEBUG_JS !== "1",
  target: ["es2020"],
  legalComments: "none",
  logLevel: "warning",
});
