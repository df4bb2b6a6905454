// Browser benchmark of the diagram: the core's WebAssembly as the app builds it (dist/modules/,
// the worker's module, release build) analyses,
// lays out and draws the schemas that `cargo run --release -p relplay-core --example layout_bench`
// writes to target/bench-schemas/, in headless Chromium. Prints a Markdown table of medians.
//
//   cargo run --release -p relplay-core --example layout_bench && node tests/bench/layout-browser.mjs
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../support/relplay.mjs";
import { serveDirectory } from "../support/static-server.mjs";
import { launchBrowser } from "../support/browser.mjs";

const schemas = join(repoRoot, "target/bench-schemas");
const server = await serveDirectory(process.env.RELPLAY_DIST || join(repoRoot, "dist"));
const context = await launchBrowser();
try {
  const page = await context.newPage();
  await page.goto(server.url);
  // The worker's module, loaded into the page itself to time it without the messaging.
  await page.evaluate(async () => {
    const core = await import(new URL("modules/relplay_worker.js", document.baseURI).href);
    await core.default({ module_or_path: new URL("modules/relplay_worker_bg.wasm", document.baseURI).href });
    window.relplayBenchCore = core;
  });
  console.log("| schema | entities | relations | analyse ms | layout ms | SVG ms |");
  console.log("|---|---:|---:|---:|---:|---:|");
  const files = readdirSync(schemas).filter((f) => f.endsWith(".prisma")).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  // One untimed pass first, so the engine's compilation of the module is not in the numbers.
  await page.evaluate((text) => window.relplayBenchCore.benchLayout(text, 3), readFileSync(join(schemas, files.at(-1)), "utf8"));
  for (const file of files) {
    const source = readFileSync(join(schemas, file), "utf8");
    const result = JSON.parse(await page.evaluate((text) => window.relplayBenchCore.benchLayout(text, 7), source));
    const ms = (value) => value.toFixed(1);
    console.log(`| ${file.replace(".prisma", "")} | ${result.entities} | ${result.relations} | ${ms(result.analyse)} | ${ms(result.layout)} | ${ms(result.svg)} |`);
  }
} finally {
  await context.close();
  await server.close();
}
