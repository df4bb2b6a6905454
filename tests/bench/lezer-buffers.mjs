// How Lezer's buffer length (js/editor.js, `reusable`) weighs on the outputs' parse: for each
// schema, writes its TypeORM output before and after renaming the first model (the debug CLI,
// with --force: the rename leaves references to the old name), then times, in Node, the
// incremental re-parse of the renamed output from the first one's tree (the parse CodeMirror does
// in the transaction that shows a new output) and a whole parse, for each buffer length.
//
//   cargo build -p relplay-cli && node tests/bench/lezer-buffers.mjs [SCHEMA…]
//
// RELPLAY_BUFFER_LENGTHS=256,128 picks the lengths (one per process gives the steadiest numbers:
// a length measured after others pays for their garbage). Without arguments: documenso and the
// 1,000-model schema of the pipeline benchmark (`cargo run --release -p relplay-core --example
// pipeline_bench 1000` writes it).
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { execFileSync } from "node:child_process";
import { parser } from "@lezer/javascript";
import { TreeFragment } from "@lezer/common";
import { repoRoot } from "../support/relplay.mjs";
import { textChanges } from "../../js/text-changes.js";

const schemas = process.argv.slice(2);
if (schemas.length === 0) {
  schemas.push(join(repoRoot, "tests/corpus/prisma/documenso.prisma"), join(repoRoot, "target/bench-schemas/shapes-1000.prisma"));
}
const relplay = join(repoRoot, "target/debug/relplay");
const scratch = mkdtempSync(join(tmpdir(), "relplay-lezer-"));
const typeorm = (file) =>
  execFileSync(relplay, ["convert", file, "--to", "typeorm", "--force"], { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] });
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

console.log("| schema | output | buffer length | re-parse after the rename (median) | whole parse (best) |\n|---|---:|---:|---:|---:|");
for (const file of schemas) {
  const source = readFileSync(file, "utf8");
  const name = /^model (\w+) \{/m.exec(source)[1];
  const renamedFile = join(scratch, "renamed.prisma");
  writeFileSync(renamedFile, source.replace(new RegExp(`^model ${name} \\{`, "m"), `model ${name}Q {`));
  const before = typeorm(file);
  const after = typeorm(renamedFile);
  // The changes as CodeMirror gets them, as the ranges a parse reuses its old tree around.
  let shift = 0;
  const ranges = textChanges(before, after).map((change) => {
    const range = { fromA: change.from, toA: change.to, fromB: change.from + shift, toB: change.from + shift + change.insert.length };
    shift += change.insert.length - (change.to - change.from);
    return range;
  });
  const runs = before.length > 200_000 ? 11 : 41;
  const lengths = (process.env.RELPLAY_BUFFER_LENGTHS ?? "1024,256,128,64").split(",").map(Number);
  for (const bufferLength of lengths) {
    const configured = parser.configure({ dialect: "ts", bufferLength });
    const tree = configured.parse(before);
    const times = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      configured.parse(after, TreeFragment.applyChanges(TreeFragment.addTree(tree), ranges));
      times.push(performance.now() - start);
    }
    let whole = Infinity;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      configured.parse(before);
      whole = Math.min(whole, performance.now() - start);
    }
    const label = file.split("/").pop();
    console.log(`| ${label} | ${before.length.toLocaleString("en")} B, ${ranges.length} changes | ${bufferLength} | ${median(times).toFixed(1)} ms | ${whole.toFixed(0)} ms |`);
  }
}
