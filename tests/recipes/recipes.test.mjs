// Relation recipes run for real (issue #16): for every example schema on PostgreSQL, MariaDB (for
// MySQL) and SQLite, the module `relplay recipes --out DIR` writes for each target runs against
// what relplay writes for the same schema — Prisma Client 7 generated from relplay's Prisma schema
// on the database relplay's SQL builds — and every check must find what the recipe says it
// finds: the user comes back with its profile, a second profile is refused, the cascade removed
// the row. A recipe that does not do what it says fails here.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { basename, join } from "node:path";
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { relplay, repoRoot, corpusPrismaSchemas } from "../support/relplay.mjs";
import { testServers } from "../support/databases.mjs";
import { generatedPrismaClient, prismaAdapterFor } from "../support/prisma-client.mjs";
import { withoutDatabaseSchemas } from "../support/prisma-validator.mjs";
import { importGenerated } from "../support/generated-module.mjs";
import { openSequelize, freshDatabase, synchronizeTypeorm } from "../support/orm-databases.mjs";
import { build } from "esbuild";
import { vibormClient } from "../support/viborm-client.mjs";
import { pathToFileURL } from "node:url";

const servers = testServers(before, after);

/** `target schema` → what fails, from tests/recipes/known-failures.txt. */
const knownFailures = new Map(
  readFileSync(join(repoRoot, "tests/recipes/known-failures.txt"), "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]),
);

/**
 * Runs `body` for `target` on `schema`: a case of the known-failures ledger must still fail (and
 * says why), any other must pass.
 */
async function judged(t, target, schema, body) {
  const reason = knownFailures.get(`${target} ${schema.name}`);
  if (!reason) return body();
  t.diagnostic(`known failure: ${reason}`);
  const failed = await body().then(() => false, () => true);
  assert.ok(failed, `${target} ${schema.name} is in tests/recipes/known-failures.txt but passes now: take its line out`);
}
const DIALECTS = ["postgresql", "mysql", "sqlite"];
const workDir = join(repoRoot, "target/recipes");

/** The examples with relations both sides write (the unidirectional one is invalid Prisma). */
function recipeSchemas() {
  const dir = join(repoRoot, "examples");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".prisma") && f !== "unidirectional.prisma")
    .sort()
    .map((f) => ({ name: basename(f, ".prisma"), text: readFileSync(join(dir, f), "utf8") }));
}

/**
 * Each schema on each database, and the valid fixtures on their own database (they use what only
 * their provider has): `[{ schema, dialect }]`.
 */
function cases(schemas) {
  const onEach = DIALECTS.flatMap((dialect) => schemas.map((schema) => ({ schema, dialect })));
  const dir = join(repoRoot, "core/tests/fixtures/valid");
  const fixtures = readdirSync(dir)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => ({ name: `fixture-${basename(f, ".prisma")}`, text: readFileSync(join(dir, f), "utf8") }))
    .map((schema) => ({ schema, dialect: schema.text.match(/provider\s*=\s*"(\w+)"/)?.[1] ?? "postgresql" }))
    .filter(({ dialect }) => DIALECTS.includes(dialect));
  return [...onEach, ...fixtures];
}

/**
 * The schemas whose relations are written on one side only: invalid Prisma, fine in SQL, TypeORM
 * and Sequelize, whose recipes must say what cannot be done from the other side (read with
 * `--force`, as `convert` reads them).
 */
function oneSidedSchemas() {
  const dir = join(repoRoot, "core/tests/fixtures/one-sided");
  return [
    { name: "unidirectional", text: readFileSync(join(repoRoot, "examples/unidirectional.prisma"), "utf8"), force: true },
    ...readdirSync(dir)
      .filter((f) => f.endsWith(".prisma"))
      .sort()
      .map((f) => ({ name: `one-sided-${basename(f, ".prisma")}`, text: readFileSync(join(dir, f), "utf8"), force: true })),
  ];
}

/**
 * The real-world corpus's relational Prisma schemas that relplay reads without an error, each on
 * its own database: `[{ schema, dialect }]` (a schema names its file or folder).
 */
function corpusCases() {
  return corpusPrismaSchemas()
    .filter((s) => !s.mongodb && relplay(["check", s.file]).status === 0)
    .map((s) => ({ schema: { name: `corpus-${s.name}`, file: s.file }, dialect: s.files.map(([, text]) => text.match(/provider\s*=\s*"(\w+)"/)?.[1]).find(Boolean) }))
    .filter(({ dialect }) => DIALECTS.includes(dialect));
}

/** `schema` written for `dialect` (its datasource's provider set to it), as a file; a corpus schema as it is. */
function schemaFile(schema, dialect) {
  if (schema.file) return schema.file;
  mkdirSync(workDir, { recursive: true });
  const file = join(workDir, `${schema.name}-${dialect}.prisma`);
  writeFileSync(file, schema.text.replace(/provider\s*=\s*"postgresql"/, `provider = "${dialect}"`));
  return file;
}

function run(args) {
  const result = relplay(args);
  if (result.status !== 0) throw new Error(`relplay ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout;
}

/** The module `relplay recipes FILE --to … --out DIR` writes. */
function recipesModule(file, args) {
  const dir = mkdtempSync(join(tmpdir(), "relplay-recipes-"));
  run(["recipes", file, ...args, "--force", "--out", dir]);
  const [written] = readdirSync(dir);
  return readFileSync(join(dir, written), "utf8");
}

/**
 * How many checks the recipes of `file` in `args`' target must have at least: six for each
 * relation they can run (load both ways, create, connect or refuse, count, delete).
 */
function minimumChecks(file, args) {
  const recipes = JSON.parse(run(["recipes", file, ...args, "--format", "json", "--force"]));
  return 5 * recipes.relations.filter((r) => !r.unrunnable).length;
}

/** Runs a recipes module's `runRecipes(argument)`: `{ outcomes, expected }` by check title. */
async function runRecipes(name, moduleText, typescript, argument) {
  const module = await importGenerated(name, moduleText, typescript);
  const outcomes = {};
  await module.runRecipes(argument, (title, outcome) => {
    outcomes[title] = typeof outcome === "bigint" ? Number(outcome) : outcome;
  });
  return { outcomes, expected: module.expected };
}

/** Prisma Client 7 on the database relplay's SQL builds: the outcomes of the Prisma recipes. */
async function prismaOutcomes(name, file, dialect, sqlOf = (sql) => sql) {
  // relplay's SQL puts every table in the default schema (it says so), so the client does too.
  const prisma = withoutDatabaseSchemas(run(["convert", file, "--to", "prisma"]));
  const written = sqlOf(run(["convert", file, "--to", "sql", "--dialect", dialect]));
  const sql = dialect === "postgresql" ? await servers.postgres.withoutMissingExtensions(written) : written;
  const adapter = await prismaAdapterFor(servers, dialect, `recipes_${name}`, sql);
  const { PrismaClient } = await generatedPrismaClient(`recipes-${name}`, prisma);
  const client = new PrismaClient({ adapter: await adapter() });
  try {
    return await runRecipes(`recipes-${name}-prisma`, recipesModule(file, ["--to", "prisma"]), true, client);
  } finally {
    await client.$disconnect();
  }
}

describe("Prisma recipes through Prisma Client 7", () => {
  for (const { schema, dialect } of [...cases(recipeSchemas()), ...corpusCases()]) {
    test(`${schema.name} on ${dialect}`, async (t) => {
      await judged(t, "prisma", schema, async () => {
        const file = schemaFile(schema, dialect);
        const { outcomes, expected } = await prismaOutcomes(`${schema.name}_${dialect}`, file, dialect);
        assert.ok(Object.keys(expected).length >= minimumChecks(file, ["--to", "prisma"]), "every relation has its recipes");
        assert.deepEqual(outcomes, expected);
      });
    });
  }
});

test("the Prisma recipes notice a database that is not what they say: ON DELETE RESTRICT where the schema says CASCADE", async () => {
  const schema = recipeSchemas().find((s) => s.name === "user-profile");
  const file = schemaFile(schema, "postgresql");
  const broken = (sql) => {
    const restricted = sql.replace("ON DELETE CASCADE", "ON DELETE RESTRICT");
    assert.notEqual(restricted, sql);
    return restricted;
  };
  // The recipe "Delete a User" expects the cascade to take the profile; the database refuses.
  await assert.rejects(prismaOutcomes("user_profile_broken", file, "postgresql", broken), /Foreign key constraint violated/);
});

/** Runs SQL on one database of `dialect`: `{ exec(sql), value(query) }`, after `ddl`. */
async function sqlSession(dialect, name, ddl, preamble) {
  if (dialect === "postgresql") {
    const client = await servers.postgres.fresh(name);
    await client.query(await servers.postgres.withoutMissingExtensions(ddl));
    return {
      exec: (sql) => client.query(sql),
      value: async (query) => Number(Object.values((await client.query(query)).rows[0])[0]),
      end: () => client.end(),
    };
  }
  if (dialect === "mysql") {
    await servers.mysql.fresh(name);
    const connection = servers.mysql.connection;
    await connection.query(ddl);
    return {
      exec: (sql) => connection.query(sql),
      value: async (query) => Number(Object.values((await connection.query(query))[0][0])[0]),
      end: async () => {},
    };
  }
  const file = `recipes_${name}`;
  const run = (sql) => {
    const result = servers.sqlite.run(file, `${preamble}${sql}`);
    if (result.status !== 0) throw new Error(result.stderr);
    return result.stdout;
  };
  run(ddl);
  return { exec: async (sql) => run(sql), value: async (query) => Number(run(query).trim()), end: async () => {} };
}

/** Runs every SQL recipe of `recipes` (relplay's JSON) in order: outcomes and expectations by title. */
async function sqlOutcomes(session, recipes) {
  const outcomes = {};
  const expected = {};
  for (const relation of recipes.relations) {
    if (relation.unrunnable) continue;
    if (relation.setup) await session.exec(relation.setup);
    for (const recipe of relation.recipes) {
      if (!recipe.expect) continue;
      const title = `${relation.heading}: ${recipe.title}`;
      if (recipe.expect === "refused") {
        expected[title] = "refused";
        outcomes[title] = await session.exec(recipe.code).then(() => "ran", () => "refused");
      } else {
        expected[title] = recipe.expect.count;
        await session.exec(recipe.code);
        outcomes[title] = await session.value(recipe.check);
      }
    }
  }
  return { outcomes, expected };
}

describe("SQL recipes on each database, after relplay's DDL", () => {
  for (const { schema, dialect } of [...cases([...recipeSchemas(), ...oneSidedSchemas()]), ...corpusCases()]) {
    test(`${schema.name} on ${dialect}`, async (t) => {
      await judged(t, "sql", schema, async () => {
        const file = schemaFile(schema, dialect);
        const ddl = run(["convert", file, "--to", "sql", "--dialect", dialect, "--force"]);
        const recipes = JSON.parse(run(["recipes", file, "--to", "sql", "--dialect", dialect, "--format", "json", "--force"]));
        const session = await sqlSession(dialect, `sql_${schema.name}_${dialect}`, ddl, recipes.preamble);
        try {
          const { outcomes, expected } = await sqlOutcomes(session, recipes);
          assert.ok(Object.keys(expected).length >= minimumChecks(file, ["--to", "sql", "--dialect", dialect]), "every relation has its recipes");
          assert.deepEqual(outcomes, expected);
        } finally {
          await session.end();
        }
      });
    });
  }
});

test("the SQL recipes notice a database that is not what they say: the one-to-one's UNIQUE left out, a second profile is not refused", async () => {
  const schema = recipeSchemas().find((s) => s.name === "user-profile");
  const file = schemaFile(schema, "postgresql");
  const ddl = run(["convert", file, "--to", "sql"]);
  const broken = ddl.replace(/,\s*CONSTRAINT "Profile_userId_key" UNIQUE \("userId"\)/, "");
  assert.notEqual(broken, ddl);
  const recipes = JSON.parse(run(["recipes", file, "--to", "sql", "--format", "json"]));
  const session = await sqlSession("postgresql", "sql_user_profile_broken", broken, "");
  try {
    const { outcomes, expected } = await sqlOutcomes(session, recipes);
    const second = Object.keys(expected).find((t) => t.includes("Attach a second Profile"));
    assert.equal(expected[second], "refused");
    assert.equal(outcomes[second], "ran");
  } finally {
    await session.end();
  }
});

describe("Sequelize recipes with relplay's Sequelize models", () => {
  for (const { schema, dialect } of [...cases([...recipeSchemas(), ...oneSidedSchemas()]), ...corpusCases()]) {
    test(`${schema.name} on ${dialect}`, async (t) => {
      await judged(t, "sequelize", schema, async () => {
        const file = schemaFile(schema, dialect);
        const name = `recipes_${schema.name}_${dialect}`;
        const { sequelize } = await openSequelize(name, run(["convert", file, "--to", "sequelize", "--force"]), dialect, servers);
        try {
          const { outcomes, expected } = await runRecipes(`${name}-sequelize`, recipesModule(file, ["--to", "sequelize"]), false, sequelize);
          assert.ok(Object.keys(expected).length >= minimumChecks(file, ["--to", "sequelize"]), "every relation has its recipes");
          assert.deepEqual(outcomes, expected);
        } finally {
          await sequelize.close();
        }
      });
    });
  }
});

/**
 * relplay's TypeORM entities (`convert --out DIR`) and its recipes (`recipes --out DIR`) in one
 * folder, bundled from an entry that exports both, so that the DataSource and the recipes share
 * the entity classes.
 */
async function typeormModule(name, file) {
  const dir = join(workDir, `${name}-typeorm`);
  mkdirSync(dir, { recursive: true });
  run(["convert", file, "--to", "typeorm", "--out", dir, "--force"]);
  run(["recipes", file, "--to", "typeorm", "--out", dir, "--force"]);
  writeFileSync(join(dir, "entry.ts"), 'export * from "./index";\nexport { runRecipes, expected } from "./recipes";\n');
  const outfile = join(dir, `bundle-${process.pid}.mjs`);
  await build({
    entryPoints: [join(dir, "entry.ts")],
    bundle: true,
    format: "esm",
    platform: "node",
    packages: "external",
    outfile,
    logLevel: "silent",
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true } },
  });
  return import(`${pathToFileURL(outfile).href}?${Date.now()}`);
}

describe("TypeORM recipes with relplay's TypeORM entities", () => {
  for (const { schema, dialect } of [...cases([...recipeSchemas(), ...oneSidedSchemas()]), ...corpusCases()]) {
    test(`${schema.name} on ${dialect}`, async (t) => {
      await judged(t, "typeorm", schema, async () => {
        const file = schemaFile(schema, dialect);
        const name = `recipes_${schema.name}_${dialect}`;
        const module = await typeormModule(name, file);
        const { DataSource } = await import("typeorm");
        const database = await freshDatabase(dialect, `${name}_typeorm`, servers);
        const { dataSource } = await synchronizeTypeorm(DataSource, module.entities, dialect, database);
        try {
          const outcomes = {};
          await module.runRecipes(dataSource, (title, outcome) => {
            outcomes[title] = outcome;
          });
          assert.ok(Object.keys(module.expected).length >= minimumChecks(file, ["--to", "typeorm"]), "every relation has its recipes");
          assert.deepEqual(outcomes, module.expected);
        } finally {
          await dataSource.destroy();
        }
      });
    });
  }
});

const vibormStandIn = pathToFileURL(join(repoRoot, "tests/support/viborm-model.mjs")).href;

/** The VibORM recipes of `file` run through the documented-API stand-in, carried out by Prisma Client on relplay's SQL. */
async function vibormOutcomes(name, file, dialect, recipesText) {
  const vibormCode = run(["convert", file, "--to", "viborm"]).replace(/from "viborm"/, `from ${JSON.stringify(vibormStandIn)}`);
  const { schema } = await importGenerated(`${name}-viborm-schema`, vibormCode, true);
  const sql = run(["convert", file, "--to", "sql", "--dialect", dialect]);
  const adapter = await prismaAdapterFor(servers, dialect, `${name}_viborm`, sql);
  const { PrismaClient } = await generatedPrismaClient(`${name}-viborm`, withoutDatabaseSchemas(run(["convert", file, "--to", "prisma"])));
  const prisma = new PrismaClient({ adapter: await adapter() });
  try {
    return await runRecipes(`${name}-viborm`, recipesText ?? recipesModule(file, ["--to", "viborm"]), false, vibormClient(schema, prisma));
  } finally {
    await prisma.$disconnect();
  }
}

describe("VibORM recipes through the documented client API (a stand-in), carried out by Prisma Client", () => {
  for (const { schema, dialect } of cases(recipeSchemas())) {
    test(`${schema.name} on ${dialect}`, async () => {
      const file = schemaFile(schema, dialect);
      const { outcomes, expected } = await vibormOutcomes(`recipes_${schema.name}_${dialect}`, file, dialect);
      assert.ok(Object.keys(expected).length >= minimumChecks(file, ["--to", "viborm"]), "every relation has its recipes");
      assert.deepEqual(outcomes, expected);
    });
  }
});

test("the VibORM stand-in refuses what VibORM's client does not document: Prisma's _count", async () => {
  const schema = recipeSchemas().find((s) => s.name === "one-to-many");
  const file = schemaFile(schema, "postgresql");
  const prismaStyle = recipesModule(file, ["--to", "viborm"]).replace(
    "const postCount = await client.post.count({ where: { authorId: author.id } });",
    "const postCount = (await client.user.findUnique({ where: { id: author.id }, select: { _count: { select: { posts: true } } } }))._count.posts;",
  );
  assert.match(prismaStyle, /_count/);
  await assert.rejects(vibormOutcomes("recipes_viborm_count", file, "postgresql", prismaStyle), /not in VibORM's documented client API: .*_count/);
});

test("a relation written on one side only: TypeORM and Sequelize recipes say it cannot be loaded from the other", () => {
  const file = schemaFile(oneSidedSchemas()[0], "postgresql");
  const typeorm = JSON.parse(run(["recipes", file, "--to", "typeorm", "--format", "json", "--force"]));
  const load = typeorm.relations[0].recipes.find((r) => r.title === "Load the posts of a User");
  assert.match(load.note, /User declares no property for this relation \(it is unidirectional\), so TypeORM cannot load it from a User/);
  const sequelize = JSON.parse(run(["recipes", file, "--to", "sequelize", "--format", "json", "--force"]));
  const fromUser = sequelize.relations[0].recipes.find((r) => r.title === "Load the posts of a User");
  assert.match(fromUser.note, /User has no association to Post here/);
});
