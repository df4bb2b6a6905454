// Runs the relplay CLI and lists the schemas the tests use.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, existsSync } from "node:fs";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const relplayBin = process.env.RELPLAY_BIN || join(repoRoot, "target/debug/relplay");
export const corpusDir = process.env.RELPLAY_CORPUS || join(repoRoot, "../shared/corpus");

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

/** Every valid schema the tests run on real tools: examples, valid fixtures, the Prisma corpus. */
export function validSchemas() {
  const files = [
    ...prismaFiles(join(repoRoot, "examples")).filter((f) => basename(f) !== "unidirectional.prisma"),
    ...prismaFiles(join(repoRoot, "core/tests/fixtures/valid")),
    ...prismaFiles(join(corpusDir, "prisma")),
  ];
  return files.map((file) => ({ file, name: basename(file, ".prisma") }));
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
