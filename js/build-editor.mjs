// Bundles js/editor.js with CodeMirror into static/editor.bundle.js (run by Trunk's pre-build hook).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
await build({
  entryPoints: [join(root, "js/editor.js")],
  outfile: join(root, "static/editor.bundle.js"),
  bundle: true,
  format: "iife",
  minify: process.env.RELPLAY_DEBUG_JS !== "1",
  target: ["es2020"],
  legalComments: "none",
  logLevel: "warning",
});
