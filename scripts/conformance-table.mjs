#!/usr/bin/env node
// Runs the conformance harness and writes its verdicts into the README as a table: a row per
// schema, a cell per database with the result of each way (relplay's SQL, TypeORM, Sequelize,
// Prisma). Needs the test databases: `eval "$(scripts/databases.sh start)"` first.
//   node scripts/conformance-table.mjs            runs the harness, rewrites the README's table
//   node scripts/conformance-table.mjs FILE.json  takes the verdicts of an earlier run instead
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
let file = process.argv[2];
if (!file) {
  file = join(mkdtempSync(join(tmpdir(), "relplay-results-")), "results.json");
  const run = spawnSync("node", ["--test", "--test-concurrency=1", "tests/conformance/conformance.test.mjs"], {
    cwd: root,
    env: { ...process.env, RELPLAY_RESULTS: file },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (run.status !== 0) console.error("The harness found differences; the table shows where.");
}
const results = JSON.parse(readFileSync(file, "utf8"));

const ways = ["SQL", "TypeORM", "Sequelize", "Prisma"];
const databases = ["postgresql", "mysql", "sqlite"];
const mark = { same: "✓", "same, within limits": "✓*", differs: "✗" };
const rows = new Map();
for (const r of results) {
  const row = rows.get(r.schema) ?? { tables: 0, columns: 0, cells: {} };
  if (r.tables) [row.tables, row.columns] = [Math.max(row.tables, r.tables), Math.max(row.columns, r.columns)];
  const cell = (row.cells[r.dialect] ??= {});
  if (r.way === "all") cell.skipped = r.why;
  else cell[r.way] = mark[r.result];
  rows.set(r.schema, row);
}
const count = (result) => results.filter((r) => r.result === result).length;
const lines = [
  `${rows.size} schemas; ${count("same")} verdicts the same as the IR, ${count("same, within limits")} the same within a target's documented limits (✓*), ${count("differs")} different (✗); skipped for want of an extension: ${count("skipped")}. Each cell: ${ways.join(" · ")}; — where the schema is not judged on that database.`,
  "",
  `| schema | tables | columns | ${databases.join(" | ")} |`,
  `|---|--:|--:|${databases.map(() => "---").join("|")}|`,
];
for (const [schema, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  const cells = databases.map((d) => {
    const cell = row.cells[d];
    if (!cell) return "—";
    if (cell.skipped) return `skipped (${cell.skipped})`;
    return ways.map((w) => cell[w] ?? "?").join(" ");
  });
  lines.push(`| ${schema} | ${row.tables} | ${row.columns} | ${cells.join(" | ")} |`);
}
const readme = join(root, "README.md");
const text = readFileSync(readme, "utf8");
const start = "<!-- conformance-results:start -->";
const end = "<!-- conformance-results:end -->";
if (!text.includes(start) || !text.includes(end)) throw new Error(`README.md has no ${start} … ${end} block`);
const before = text.slice(0, text.indexOf(start) + start.length);
const after = text.slice(text.indexOf(end));
writeFileSync(readme, `${before}\n${lines.join("\n")}\n${after}`);
console.log(`README.md: the results table rewritten (${rows.size} schemas).`);
