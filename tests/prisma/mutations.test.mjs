// Differential testing against Prisma's validator on schemas nobody wrote by hand: each case takes
// an example or fixture and applies a few small, realistic edits (drop @unique or `?`, make a field
// optional, break a relation name, change the provider or the relation mode, duplicate a line…).
// relplay and Prisma must agree on whether the result is valid. The generator is seeded, so every
// run checks the same cases and a failure names the case to reproduce.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { relplay, repoRoot } from "../support/relplay.mjs";
import { prismaValidate, withoutConnectionUrls } from "../support/prisma-validator.mjs";

const CASES = Number(process.env.RELPLAY_MUTATION_CASES || 600);
const rulesDir = join(repoRoot, "core/tests/fixtures/rules");
const folders = ["examples", "core/tests/fixtures/valid", ...readdirSync(rulesDir).sort().map((code) => `core/tests/fixtures/rules/${code}`)];
const files = folders.flatMap((folder) => readdirSync(join(repoRoot, folder)).filter((f) => f.endsWith(".prisma")).sort().map((f) => join(folder, f)));

const edits = [
  ["drop @unique", (line) => line.replace(" @unique", "")],
  ["drop ?", (line) => line.replace("?", "")],
  ["make optional", (line) => line.replace(/(\w+)(\s+)(Int|String)(\s|$)/, "$1$2$3?$4")],
  ["drop []", (line) => line.replace("[]", "")],
  ["drop the relation name", (line) => line.replace(/@relation\("[^"]*",?\s*/, "@relation(")],
  ["delete the line", () => ""],
  ["SetNull", (line) => line.replace(/onDelete: \w+/, "onDelete: SetNull")],
  ["SetDefault", (line) => line.replace(/onDelete: \w+/, "onDelete: SetDefault")],
  ["reference another field", (line) => line.replace(/references: \[(\w+)\]/, "references: [name]")],
  ["drop fields", (line) => line.replace(/fields: \[[^\]]*\],?\s*/, "")],
  ["duplicate the line", (line) => `${line}\n${line}`],
  ["MySQL", (line) => line.replace('"postgresql"', '"mysql"')],
  ["SQL Server", (line) => line.replace('"postgresql"', '"sqlserver"')],
  ["SQLite", (line) => line.replace('"postgresql"', '"sqlite"')],
  ["emulated relations", (line) => line.replace('provider = "postgresql"', 'provider = "mysql"\n  relationMode = "prisma"')],
  ["point at another model", (line) => line.replace(/(\s)(User|Post|Tag|Profile|Employee|Team)(\??)(\s|$)/, "$1Organisation$3$4")],
  ["drop @id", (line) => line.replace("@id", "")],
  ["onUpdate NoAction", (line) => line.replace(/\)$/, ", onUpdate: NoAction)")],
];

function random(seed) {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

test(`relplay and Prisma agree on ${CASES} edited schemas`, () => {
  const next = random(Number(process.env.RELPLAY_MUTATION_SEED || 20261121));
  const disagreements = [];
  for (let index = 0; index < CASES; index++) {
    const file = files[next(files.length)];
    const lines = readFileSync(join(repoRoot, file), "utf8").split("\n");
    const applied = [];
    for (let k = 1 + next(3); k > 0; k--) {
      const line = next(lines.length);
      const [name, edit] = edits[next(edits.length)];
      lines[line] = edit(lines[line]);
      applied.push(`${name} on line ${line + 1}`);
    }
    const text = lines.join("\n");
    const ours = relplay(["check", "-", "--from", "prisma"], text).status === 0;
    // Prisma 7 rejects connection URLs that relplay only warns about (see validator.test.mjs).
    const prisma = prismaValidate(withoutConnectionUrls(text));
    if (ours !== prisma.valid) {
      disagreements.push(`case ${index}: ${file} with ${applied.join(", ")}: relplay says ${ours ? "valid" : "invalid"}, Prisma ${prisma.valid ? "valid" : "invalid"}: ${prisma.message.split("\n")[0]}`);
    }
  }
  assert.deepEqual(disagreements, []);
});
