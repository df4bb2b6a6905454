// Prisma's own schema-validation test files (tests/corpus/prisma-validation, from prisma-engines)
// as a peer's test suite: Prisma 7's validator gives each file its verdict, relplay must give the
// same, and never exit with a panic. The files where relplay does not agree yet are listed, each
// with what is missing, in known-disagreements.txt; the test fails when a file outside that list
// disagrees and when a listed file has come to agree (so the list only ever shrinks).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync, readdirSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { relplay, repoRoot } from "../support/relplay.mjs";
import { prisma6Validate, prisma6Warnings, prismaValidate, prismaWarnings, withoutConnectionUrls } from "../support/prisma-validator.mjs";

const suiteDir = join(repoRoot, "tests/corpus/prisma-validation");
const ledgerFile = join(repoRoot, "tests/prisma/known-disagreements.txt");
/** Invalid files where relplay's error is on another line than Prisma's, and why that is right. */
const locatedElsewhere = new Map([
  ["generator/missing_property_value.prisma", "relplay points at the property without a value (line 3), Prisma at its block (line 1)"],
]);

/** The lines relplay warns on, in order. */
function warningLines(output) {
  return [...new Set([...output.matchAll(/:(\d+):\d+: warning\[/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

/** The lines of the schema that Prisma's errors point at. */
function prismaErrorLines(message) {
  return message.split(/\n(?=error:)/).flatMap((block) => {
    const at = block.match(/-->\s+schema\.prisma:(\d+)/);
    return at ? [Number(at[1])] : [];
  });
}

/** The ledger: suite path → what relplay lacks for it. */
function knownDisagreements() {
  const entries = new Map();
  for (const line of readFileSync(ledgerFile, "utf8").split("\n")) {
    const text = line.replace(/#.*$/, "").trim();
    if (!text) continue;
    const [path, ...reason] = text.split(/\s+—\s+|\s{2,}/);
    entries.set(path.trim(), reason.join(" ").trim());
  }
  return entries;
}

/** relplay's and Prisma's verdicts on one suite file, the file's `url` lines removed (Prisma 7 refuses them). */
export function verdicts(path, workDir) {
  const text = withoutConnectionUrls(readFileSync(join(suiteDir, path), "utf8"));
  const copy = join(workDir, path);
  mkdirSync(dirname(copy), { recursive: true });
  writeFileSync(copy, text);
  const ours = relplay(["check", copy]);
  const prisma = prismaValidate(text);
  return { ours, prisma };
}

describe("relplay gives Prisma's verdict on Prisma's own validation tests", () => {
  const files = readdirSync(suiteDir, { recursive: true }).filter((f) => f.endsWith(".prisma")).sort();
  const ledger = knownDisagreements();
  const workDir = mkdtempSync(join(tmpdir(), "relplay-prisma-suite-"));
  const disagreeing = [];
  let prismaErrors = 0;
  let locatedErrors = 0;
  let validFiles = 0;
  let sameWarnings = 0;

  test("the suite is there (216 files of prisma-engines 2ba551f)", () => assert.equal(files.length, 216));
  test("every listed disagreement names a file of the suite", () => {
    for (const path of ledger.keys()) assert.ok(files.includes(path), `known-disagreements.txt lists ${path}, which is not in the suite`);
  });

  for (const path of files) {
    test(path, () => {
      const { ours, prisma } = verdicts(path, workDir);
      assert.ok(ours.status === 0 || ours.status === 1, `relplay exited with ${ours.status} (a panic?)\n${ours.stderr}`);
      const agree = (ours.status === 0) === prisma.valid;
      if (!agree) disagreeing.push(path);
      const listed = ledger.has(path);
      const detail = `relplay says ${ours.status === 0 ? "valid" : "invalid"}, Prisma says ${prisma.valid ? "valid" : "invalid"}\n` +
        `relplay:\n${ours.stdout}\nPrisma:\n${prisma.message}`;
      if (listed) assert.ok(!agree, `${path} agrees now: remove it from known-disagreements.txt`);
      else assert.ok(agree, detail);
      // A valid schema: relplay warns on the lines Prisma's lint warns on, and on no others.
      if (prisma.valid && agree) {
        validFiles += 1;
        const text = withoutConnectionUrls(readFileSync(join(suiteDir, path), "utf8"));
        const theirs = [...new Set(prismaWarnings(text).map((w) => w.line))].sort((a, b) => a - b);
        const oursLines = warningLines(ours.stdout);
        // relplay's Prisma of it is valid Prisma too (views, schemas, index methods and all).
        const written = relplay(["convert", join(workDir, path), "--to", "prisma"]);
        assert.equal(written.status, 0, written.stderr);
        const rewritten = prismaValidate(written.stdout);
        assert.ok(rewritten.valid, `Prisma rejects relplay's Prisma output of ${path}:\n${rewritten.message}\n--- output ---\n${written.stdout}`);
        assert.deepEqual(oursLines, theirs, `relplay warns on lines [${oursLines}], Prisma's lint on [${theirs}]\n${detail}\nPrisma's warnings: ${JSON.stringify(prismaWarnings(text))}`);
        sameWarnings += 1;
      }
      // An invalid schema: relplay's errors must be where Prisma's are, on a line one of them names.
      if (!prisma.valid && agree) {
        const lines = prismaErrorLines(prisma.message);
        const oursAt = (line) => new RegExp(`:${line}:\\d+: error`).test(ours.stdout);
        prismaErrors += lines.length;
        locatedErrors += lines.filter(oursAt).length;
        if (!locatedElsewhere.has(path)) assert.ok(lines.some(oursAt), `relplay's errors are on other lines than Prisma's (${lines.join(", ")})\n${detail}`);
      }
    });
  }

  test("the figure", () => {
    const agreeing = files.length - disagreeing.length;
    console.log(`# relplay agrees with Prisma 7 on ${agreeing} of ${files.length} files of Prisma's validation suite`);
    console.log(`# ${locatedErrors} of Prisma's ${prismaErrors} errors on those files have a relplay error on the same line`);
    console.log(`# on ${sameWarnings} of ${validFiles} valid files relplay warns on the lines Prisma's lint warns on`);
  });
});

describe("with --prisma 6, relplay gives Prisma 6's verdict on the files as written (url lines kept)", () => {
  const files = readdirSync(suiteDir, { recursive: true }).filter((f) => f.endsWith(".prisma")).sort();
  let agreeing = 0;
  for (const path of files) {
    test(path, () => {
      const text = readFileSync(join(suiteDir, path), "utf8");
      const ours = relplay(["check", "--prisma", "6", join(suiteDir, path)]);
      const prisma = prisma6Validate(text);
      assert.ok(ours.status === 0 || ours.status === 1, `relplay exited with ${ours.status} (a panic?)\n${ours.stderr}`);
      assert.equal(ours.status === 0, prisma.valid, `relplay says ${ours.status === 0 ? "valid" : "invalid"}, Prisma 6 says ${prisma.valid ? "valid" : "invalid"}\nrelplay:\n${ours.stdout}\nPrisma 6:\n${prisma.message}`);
      if (prisma.valid) {
        const theirs = [...new Set(prisma6Warnings(text).map((w) => w.line))].sort((a, b) => a - b);
        assert.deepEqual(warningLines(ours.stdout), theirs, `relplay's warnings are not on the lines of Prisma 6's lint\nrelplay:\n${ours.stdout}\nPrisma 6: ${JSON.stringify(prisma6Warnings(text))}`);
      }
      agreeing += 1;
    });
  }
  test("the figure", () => console.log(`# with --prisma 6, relplay agrees with Prisma 6 on ${agreeing} of ${files.length} files, warnings included`));
});
