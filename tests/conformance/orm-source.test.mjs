// ORM code as a source, judged by the ORM itself. For every entity set in tests/corpus/typeorm
// and every model set in tests/corpus/sequelize (real code from public repositories, see their
// SOURCES.md) and on every database, the ORM builds the database from the code as written
// (TypeORM's `synchronize`, Sequelize's `sync`), and relplay's reading of the same code
// (`relplay convert DIR --from typeorm|sequelize --to json`) must say exactly that database:
// tables, columns with their types and nullability, primary keys, unique column sets, foreign
// keys with both actions, join tables. Every column's type is compared, those the code leaves to
// the ORM too (TypeORM's `varchar(255)` for a `string` on MySQL, Sequelize's `timestamptz` for a
// `DATE` on PostgreSQL: the readers' `database_types`). relplay's SQL from that reading must
// build it too. Where relplay finds an error in the code, TypeORM must refuse the code as well
// (on every database, or on the databases `refusedOn` names).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { existsSync, readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { relplay, repoRoot } from "../support/relplay.mjs";
import { expectedShape, compareShapes } from "../support/expected-shape.mjs";
import { testServers, serverOf } from "../support/databases.mjs";
import { typeormShapeOfCode } from "../support/typeorm-source.mjs";
import { sequelizeShapeOfCode } from "../support/sequelize-source.mjs";
import { prismaValidate } from "../support/prisma-validator.mjs";

// `RELPLAY_ORM_CORPUS=DIR` points the test at another folder of the same layout (`typeorm/`,
// `sequelize/`, a folder per set), such as code not yet in the corpus. Beside the corpus,
// `tests/conformance/orm-cases` holds sets written here, each pinning a pattern found in real
// code (its first comment says where).
const roots = process.env.RELPLAY_ORM_CORPUS
  ? [process.env.RELPLAY_ORM_CORPUS]
  : [join(repoRoot, "tests/corpus"), join(repoRoot, "tests/conformance/orm-cases")];
const corpora = roots
  .flatMap((root) => [
    { language: "typeorm", dir: join(root, "typeorm"), build: typeormShapeOfCode },
    { language: "sequelize", dir: join(root, "sequelize"), build: sequelizeShapeOfCode },
  ])
  .filter(({ dir }) => existsSync(dir));
const dialects = ["postgresql", "mysql", "sqlite"];
const only = process.env.RELPLAY_CONFORMANCE_ONLY?.split(",");

/**
 * Code relplay reports an error in, and the databases where TypeORM refuses it too. Where the
 * database accepts what relplay calls an error, the reason is given.
 */
const refusedOn = {
  // Circular eager relations: TypeORM refuses them before it touches a database.
  "typeorm-eager-relations-circular-eager-relations": dialects,
};

/**
 * Code that relplay reads without errors but that TypeORM itself cannot build on a database: the
 * test checks that TypeORM still fails there (so the entry is dropped once it no longer does),
 * and compares on the other databases.
 */
const typeormFailsOn = {
  // `@PrimaryGeneratedColumn({ type: "bigint" })`: TypeORM writes `bigint PRIMARY KEY
  // AUTOINCREMENT`, which SQLite refuses ("AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY").
  "typeorm-lazy-relations-setter-with-promises": { sqlite: /AUTOINCREMENT is only allowed/ },
  // `type: "timestamp"` is PostgreSQL's and MySQL's; TypeORM's SQLite driver has no such type.
  "nestjs-realworld": { sqlite: /Data type "timestamp" .* is not supported by "sqljs"/ },
};

/**
 * What relplay says it does not read yet (T013), taken out of what TypeORM builds before the
 * comparison.
 */
const notReadYet = {
  // A many-to-many over a composite primary key (Post.tags → Tag(firstId, secondId)).
  "typeorm-composite-foreign-key-order": (shape) => delete shape.post_tags_tag,
};

/**
 * Differences relplay does not avoid yet, by set and database, each with its reason: taken out of
 * what the ORM builds before the comparison, and the test checks that they still occur (so the
 * entry goes once they no longer do).
 */
const knownDifferences = {
  // Sequelize declares a `UUID` column on SQLite, whose affinity is NUMERIC; relplay's IR keeps
  // no SQLite type of a column's own and writes TEXT. The stored values are the same: a UUID
  // does not read as a number, so SQLite keeps it as text either way.
  codimd: { sqlite: (difference) => /^\w+\.\w+: type numeric, expected text$/.test(difference) },
};

const sets = corpora.flatMap(({ language, dir, build }) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .filter((name) => !only || only.includes(name))
    .map((name) => ({ name, language, dir: join(dir, name), build })),
);

const servers = testServers(before, after);

/** The differences between the PostgreSQL database `built` and relplay's Prisma schema of the code, read back. */
function prismaSaysTheSame(dir, language, built) {
  const prisma = relplay(["convert", dir, "--from", language, "--to", "prisma"]).stdout;
  const verdict = prismaValidate(prisma);
  if (!verdict.valid) return [`Prisma refuses relplay's schema: ${verdict.message}`];
  const file = join(mkdtempSync(join(tmpdir(), "relplay-orm-prisma-")), "schema.prisma");
  writeFileSync(file, prisma);
  const read = JSON.parse(relplay(["convert", file, "--from", "prisma", "--to", "json"]).stdout);
  return compareShapes(expectedShape(read, "postgresql"), built, "postgresql");
}

async function shapeOfSql(name, sql, dialect) {
  return serverOf(servers, dialect).shapeAfter(`${name}_rsql`, sql);
}

for (const [index, { name, language, dir, build }] of sets.entries()) {
  describe(`${language}: ${name}`, () => {
    const check = relplay(["check", dir, "--from", language]);
    for (const dialect of dialects) {
      // Database names are short and distinct per set (PostgreSQL cuts names at 63 bytes).
      const tsName = `tsrc${index}`;
      if (check.status !== 0) {
        test(`${dialect}: relplay and the ORM agree the code is wrong`, async () => {
          assert.equal(check.status, 1, `relplay check failed to run:\n${check.stderr}`);
          const refuses = refusedOn[name] ?? [];
          let built = true;
          try {
            await build(tsName, dir, dialect, servers);
          } catch {
            built = false;
          }
          if (refuses.includes(dialect)) assert.equal(built, false, `the ORM builds the code relplay rejects:\n${check.stdout}`);
          else assert.fail(`relplay rejects code the ORM builds on ${dialect}:\n${check.stdout}`);
        });
        continue;
      }
      const failure = typeormFailsOn[name]?.[dialect];
      if (failure) {
        test(`${dialect}: the ORM cannot build this code here`, async () => {
          await assert.rejects(() => build(tsName, dir, dialect, servers), failure);
        });
        continue;
      }
      test(`${dialect}: the ORM builds what relplay reads, and so does relplay's SQL`, async () => {
        assert.ok(!refusedOn[name], `${name} is listed as refused, but relplay reads it without errors`);
        const ir = JSON.parse(relplay(["convert", dir, "--from", language, "--to", "json"]).stdout);
        const expected = expectedShape(ir, dialect);
        const built = await build(tsName, dir, dialect, servers);
        notReadYet[name]?.(built);
        const known = knownDifferences[name]?.[dialect];
        const allOrm = compareShapes(expected, built, dialect);
        if (known) assert.ok(allOrm.some(known), `${name} on ${dialect}: the known difference no longer occurs; drop its entry`);
        const orm = known ? allOrm.filter((difference) => !known(difference)) : allOrm;
        const sql = relplay(["convert", dir, "--from", language, "--to", "sql", "--dialect", dialect]).stdout;
        const fromSql = compareShapes(expected, await shapeOfSql(tsName, sql, dialect), dialect);
        // relplay's Prisma schema (PostgreSQL's, as the code names no database) is valid for Prisma
        // and, read back, says the database the ORM built there: its `@db.*` types carry the ORM's.
        const fromPrisma = dialect === "postgresql" ? prismaSaysTheSame(dir, language, built) : [];
        assert.deepEqual({ orm, fromSql, fromPrisma }, { orm: [], fromSql: [], fromPrisma: [] }, `relplay's reading:\n${JSON.stringify(ir.relations, null, 1)}`);
      });
    }
  });
}
