// Loads code relplay generated as an ES module: written under target/conformance, where it can
// import the repository's node_modules, after esbuild has turned TypeScript into JavaScript.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";
import { repoRoot } from "./relplay.mjs";

const moduleDir = join(repoRoot, "target/conformance");
let moduleCount = 0;

/** Imports `source` (TypeScript with legacy decorators when `typescript`); `name` labels the file. */
export async function importGenerated(name, source, typescript) {
  mkdirSync(moduleDir, { recursive: true });
  const code = typescript
    ? (await transform(source, { loader: "ts", format: "esm", tsconfigRaw: { compilerOptions: { experimentalDecorators: true } } })).code
    : source;
  const path = join(moduleDir, `${name}-${process.pid}-${moduleCount++}.mjs`);
  writeFileSync(path, code);
  return import(pathToFileURL(path).href);
}
