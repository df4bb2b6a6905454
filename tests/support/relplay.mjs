// Runs the relplay CLI and lists the schemas the tests use.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, existsSync, readFileSync, statSync } from "node:fs";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const relplayBin = process.env.RELPLAY_BIN || join(repoRoot, "target/debug/relplay");
/** The real-world corpus (`tests/corpus`, its sources in `tests/corpus/README.md`), or `RELPLAY_CORPUS`. */
export const corpusDir = process.env.RELPLAY_CORPUS || join(repoRoot, "tests/corpus");

/** Runs `relplay args…`; returns { status, stdout, stderr }. */
export function relplay(args, input) {
  const result = spawnSync(relplayBin, args, { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `relplay args…` and returns stdout, failing on a non-zero exit. */
export function relplayOk(args) {
  return execFileSync(relplayBin, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

function prismaFiles(dir) {
  if (!existsSync(dir)) throw new Error(`missing schema folder ${dir}`);
  return readdirSync(dir).filter((f) => f.endsWith(".prisma")).sort().map((f) => join(dir, f));
}

/** The `.prisma` files under `dir` at any depth, as [path relative to `dir`, text], in path order. */
function prismaFilesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => [f.replaceAll("\\", "/"), readFileSync(join(dir, f), "utf8")]);
}

/**
 * The corpus's Prisma schemas: each `.prisma` file, and each folder as one multi-file schema (as
 * Prisma reads a `prisma/schema` folder). `files` are [name, text] pairs for Prisma's validator;
 * `mongodb` says the datasource is MongoDB, which no SQL database holds.
 */
export function corpusPrismaSchemas() {
  const dir = join(corpusDir, "prisma");
  return readdirSync(dir).sort().flatMap((entry) => {
    const path = join(dir, entry);
    const folder = statSync(path).isDirectory();
    if (!folder && !entry.endsWith(".prisma")) return [];
    const files = folder ? prismaFilesUnder(path) : [[entry, readFileSync(path, "utf8")]];
    const mongodb = files.some(([, text]) => /provider\s*=\s*"mongodb"/.test(text));
    return [{ file: path, name: basename(entry, ".prisma"), files, mongodb }];
  });
}

/** Whether relplay reads `file` without an error. */
function readsWithoutErrors(file) {
  return relplay(["check", file]).status === 0;
}

/**
 * Every valid schema the tests run on real tools: examples, valid fixtures, and the Prisma corpus's
 * relational schemas that relplay (and so Prisma: the validator test holds them to one verdict)
 * takes as valid.
 */
export function validSchemas() {
  const files = [
    ...prismaFiles(join(repoRoot, "examples")).filter((f) => basename(f) !== "unidirectional.prisma"),
    ...prismaFiles(join(repoRoot, "core/tests/fixtures/valid")),
  ];
  const corpus = corpusPrismaSchemas().filter((s) => !s.mongodb && readsWithoutErrors(s.file));
  return [...files.map((file) => ({ file, name: basename(file, ".prisma") })), ...corpus.map(({ file, name }) => ({ file, name }))];
}

/**
 * The schemas every ORM target is judged on: the valid ones, and the unidirectional example and the
 * one-sided fixtures, which Prisma rejects (relplay converts them with `--force`, as SQL and the
 * other ORMs can express them).
 */
export function ormSchemas() {
  return [...validSchemas(), { file: join(repoRoot, "examples/unidirectional.prisma"), name: "unidirectional", force: true }, ...oneSidedSchemas()];
}

/** Schemas whose relations are written on one side only (`core/tests/fixtures/one-sided`): invalid
 * Prisma, converted with `--force`. */
export function oneSidedSchemas() {
  const dir = join(repoRoot, "core/tests/fixtures/one-sided");
  return readdirSync(dir).filter((f) => f.endsWith(".prisma")).sort()
    .map((f) => ({ file: join(dir, f), name: `one-sided-${f.replace(/\.prisma$/, "")}`, force: true }));
}
