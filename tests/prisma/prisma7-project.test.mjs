// Prisma 7's project as relplay writes it (`relplay convert --to prisma --out DIR`): the schema
// with its `prisma-client` generator and output, and the `prisma.config.ts` Prisma 7 reads the
// connection from. Prisma's own CLI generates the client from that folder as it stands.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { relplayOk, repoRoot } from "../support/relplay.mjs";

test("prisma generate makes the client from the folder relplay writes for Prisma 7, and not from Prisma 6's", () => {
  const dir = join(repoRoot, "target/prisma7-project");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  relplayOk(["convert", join(repoRoot, "examples/many-to-many-implicit.prisma"), "--to", "prisma", "--out", dir]);
  assert.deepEqual(readdirSync(dir).sort(), ["prisma.config.ts", "schema.prisma"]);
  const run = spawnSync(join(repoRoot, "node_modules/.bin/prisma"), ["generate"], {
    cwd: dir,
    encoding: "utf8",
    // Generating needs no database, but the config asks for its URL (Prisma's env() is strict).
    env: { ...process.env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true", PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /Generated Prisma Client/);
  assert.ok(existsSync(join(dir, "generated/client.ts")), "the client is where the schema's generator says");
  // Prisma 6 keeps the URL in the schema: no config file.
  const six = join(dir, "six");
  relplayOk(["convert", join(repoRoot, "examples/many-to-many-implicit.prisma"), "--to", "prisma", "--prisma", "6", "--out", six]);
  assert.deepEqual(readdirSync(six), ["schema.prisma"]);
});
