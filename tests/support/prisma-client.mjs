// Prisma Client 7 as a judge: the client generated from a Prisma schema (offline: the schema
// engine is not needed to generate), bundled to one ES module, and opened on a database through
// a driver adapter.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { repoRoot } from "./relplay.mjs";
import { databaseName } from "./databases.mjs";

const workDir = join(repoRoot, "target/prisma-client");

/**
 * `schema` with its generator blocks replaced by Prisma 7's `prisma-client` writing to `output`,
 * with the preview features they asked for (`postgresqlExtensions`).
 */
function withClientGenerator(schema, output) {
  const generators = schema.match(/^generator\s+\w+\s*\{[^}]*\}/gm) ?? [];
  const features = new Set(generators.flatMap((g) => [...(g.match(/previewFeatures\s*=\s*\[([^\]]*)\]/)?.[1].matchAll(/"([^"]+)"/g) ?? [])].map((m) => m[1])));
  const preview = features.size ? `\n  previewFeatures = ${JSON.stringify([...features])}` : "";
  const withoutGenerators = schema.replace(/^generator\s+\w+\s*\{[^}]*\}/gm, "");
  return `generator client {\n  provider     = "prisma-client"\n  output       = ${JSON.stringify(output)}\n  moduleFormat = "esm"${preview}\n}\n\n${withoutGenerators}`;
}

/**
 * Generates the client of `schema` (a text) under target/prisma-client/NAME and imports it:
 * `{ PrismaClient }`. Throws with Prisma's words when generation fails.
 */
export async function generatedPrismaClient(name, schema) {
  const dir = join(workDir, name);
  mkdirSync(dir, { recursive: true });
  const schemaFile = join(dir, "schema.prisma");
  writeFileSync(schemaFile, withClientGenerator(schema, "./generated"));
  const prisma = join(repoRoot, "node_modules/.bin/prisma");
  const run = spawnSync(prisma, ["generate", "--schema", schemaFile], {
    cwd: dir,
    encoding: "utf8",
    // Generating needs no schema engine; Prisma would otherwise look for (and download) one.
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true", PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
  if (run.status !== 0) throw new Error(`prisma generate failed:\n${run.stdout}\n${run.stderr}`);
  const bundle = join(dir, "client.mjs");
  await build({
    entryPoints: [join(dir, "generated/client.ts")],
    bundle: true,
    format: "esm",
    platform: "node",
    packages: "external",
    outfile: bundle,
    logLevel: "silent",
  });
  return import(`${pathToFileURL(bundle).href}?${Date.now()}`);
}

/**
 * A fresh database of `dialect` (on `servers`, from testServers) made by `sql`, and a function that opens Prisma's driver adapter
 * on it: `@prisma/adapter-pg`, `@prisma/adapter-mariadb`, `@prisma/adapter-libsql` (SQLite).
 */
export async function prismaAdapterFor(servers, dialect, name, sql) {
  if (dialect === "postgresql") {
    const database = await servers.postgres.fresh(name);
    try {
      await database.query(sql);
    } finally {
      await database.end();
    }
    const url = servers.postgres.url.replace(/\/[^/]*$/, `/${databaseName(name)}`);
    return async () => new (await import("@prisma/adapter-pg")).PrismaPg({ connectionString: url });
  }
  if (dialect === "mysql") {
    const database = await servers.mysql.fresh(name);
    await servers.mysql.connection.query(sql);
    const url = new URL(servers.mysql.url);
    const config = { host: url.hostname, port: Number(url.port), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database };
    return async () => new (await import("@prisma/adapter-mariadb")).PrismaMariaDb(config);
  }
  const file = databaseName(name);
  const run = servers.sqlite.run(file, sql);
  if (run.status !== 0) throw new Error(`sqlite3 rejected the SQL: ${run.stderr}`);
  return async () => new (await import("@prisma/adapter-libsql")).PrismaLibSql({ url: `file:${join(servers.sqlite.dir, `${file}.db`)}` });
}
