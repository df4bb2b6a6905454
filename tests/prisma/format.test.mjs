// `relplay format` (the app's Format command) against Prisma's own formatter, the judge: every
// Prisma file of the corpus, the examples and the fixtures, as written and scrambled (indentation,
// spacing and attribute order undone, blank lines added), must come out exactly as Prisma writes
// it, and formatting again must change nothing. Two kinds of file are told apart, each checked
// for its reason: a schema with syntax errors is refused (relplay lays out only what reads), and
// where Prisma's formatter completes relations (adds a missing back field or `@relation`
// arguments), relplay adds nothing: the schema has a relation error, with a quick fix where one
// is sure (it names what it adds) — on the unidirectional example, fixing then formatting gives
// Prisma's text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { relplay, repoRoot, corpusDir } from "../support/relplay.mjs";
import { prismaFormat } from "../support/prisma-validator.mjs";

function prismaFilesIn(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...prismaFilesIn(path));
    else if (name.endsWith(".prisma")) found.push(path);
  }
  return found;
}

const files = [join(corpusDir, "prisma"), join(repoRoot, "examples"), join(repoRoot, "core/tests/fixtures")].flatMap(prismaFilesIn);

/** The same schema written carelessly: no indentation, one space between words, field attributes reversed, blank lines doubled. */
function scrambled(text) {
  return text
    .split("\n")
    .map((line) => {
      const trimmed = line.trim();
      if (trimmed.startsWith("//") || trimmed.startsWith("/*") || trimmed.startsWith("*") || /"/.test(trimmed)) return trimmed;
      const words = trimmed.replace(/\s+/g, " ");
      const field = words.match(/^(\w+ \S+) (@[^@].*)$/);
      if (!field || words.startsWith("@@")) return words;
      const attributes = field[2].split(/ (?=@)/).reverse();
      return `${field[1]} ${attributes.join(" ")}`;
    })
    .join("\n")
    .replace(/\n\n/g, "\n\n\n");
}

/**
 * Prisma's layout where its formatter settles: formatted again until it no longer changes. (A
 * comment on a block's closing line moves below it on one pass and gets a blank line above it on
 * the next; relplay writes the second, so that Format twice changes nothing.)
 */
function prismaSettled(text) {
  let formatted = prismaFormat(text);
  for (let pass = 0; pass < 3; pass++) {
    const again = prismaFormat(formatted);
    if (again === formatted) break;
    formatted = again;
  }
  return formatted;
}

/** How many relation errors relplay reports in `text` (where Prisma's formatter completes relations instead). */
function relationErrors(text) {
  const check = relplay(["check", "-", "--from", "prisma", "--format", "json"], text);
  return JSON.parse(check.stdout).diagnostics.filter((d) => d.code.startsWith("R") && d.severity === "error").length;
}

const codeLines = (text) => text.split("\n").filter((line) => line.trim() !== "" && !line.trim().startsWith("//")).length;

test("relplay lays every Prisma file out exactly as Prisma's formatter does, as written and scrambled", (t) => {
  const counts = { same: 0, refused: 0, prismaAdds: 0 };
  const problems = [];
  for (const path of files) {
    const name = relative(repoRoot, path);
    const written = readFileSync(path, "utf8");
    for (const [how, text] of [["as written", written], ["scrambled", scrambled(written)]]) {
      const ours = relplay(["format", "-", "--from", "prisma"], text);
      if (ours.status !== 0) {
        const check = relplay(["check", "-", "--from", "prisma", "--format", "json"], text);
        const syntax = JSON.parse(check.stdout).diagnostics.some((d) => d.code.startsWith("P") && d.severity === "error");
        if (!syntax || !/syntax errors/.test(ours.stderr)) problems.push(`${name} (${how}): refused without syntax errors: ${ours.stderr.trim()}`);
        counts.refused += 1;
        continue;
      }
      const theirs = prismaSettled(text);
      const again = relplay(["format", "-", "--from", "prisma"], ours.stdout);
      if (again.stdout !== ours.stdout) problems.push(`${name} (${how}): formatting twice changed it again`);
      if (ours.stdout === theirs) {
        counts.same += 1;
      } else if (codeLines(ours.stdout) === codeLines(text) && relationErrors(text) > 0) {
        counts.prismaAdds += 1;
      } else {
        problems.push(`${name} (${how}): differs from Prisma's formatting`);
      }
    }
  }
  t.diagnostic(`formattings: ${JSON.stringify(counts)}`);
  assert.deepEqual(problems, []);
  // Most files are laid out like Prisma; the others are few and each for its reason.
  assert.ok(counts.same >= 600, JSON.stringify(counts));
  assert.ok(counts.prismaAdds <= 20 && counts.refused <= 40, JSON.stringify(counts));
});

test("on a one-sided relation, relplay's quick fix then Format give what Prisma's formatter writes", () => {
  const text = readFileSync(join(repoRoot, "examples/unidirectional.prisma"), "utf8");
  assert.notEqual(relplay(["format", "-", "--from", "prisma"], text).stdout, prismaFormat(text), "Format alone adds nothing");
  const fixed = relplay(["check", "-", "--from", "prisma", "--fix"], text).stdout;
  assert.equal(relplay(["format", "-", "--from", "prisma"], fixed).stdout, prismaFormat(text));
});

test("relplay format --check and --write", async () => {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "relplay-format-"));
  const file = join(dir, "schema.prisma");
  writeFileSync(file, "model A {\nid Int @id\n  name String?\n}\n");
  assert.equal(relplay(["format", file, "--check"]).status, 1);
  assert.equal(relplay(["format", file, "--write"]).status, 0);
  assert.equal(readFileSync(file, "utf8"), "model A {\n  id   Int     @id\n  name String?\n}\n");
  assert.equal(relplay(["format", file, "--check"]).status, 0);
  const broken = relplay(["format", "-", "--from", "prisma"], "model A {\n  id Int @id(\n}\n");
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /syntax errors/);
  const sql = relplay(["format", "-", "--from", "sql"], "CREATE TABLE a (id INT);");
  assert.equal(sql.status, 1);
  assert.match(sql.stderr, /Format is for Prisma schemas/);
});
