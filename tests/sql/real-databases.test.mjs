// relplay's SQL, run unchanged on real PostgreSQL, MariaDB (for MySQL) and SQLite: every schema
// must execute without error, and the database must then hold exactly the tables, columns,
// nullability, keys, uniques and foreign keys (with their actions) that the IR describes.
//
// Needs the servers from `scripts/databases.sh start` (RELPLAY_PG_URL, RELPLAY_MYSQL_URL).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { relplayOk, validSchemas, repoRoot } from "../support/relplay.mjs";
import { expectedShape, compareShapes } from "../support/expected-shape.mjs";
import { Postgres, Mysql, Sqlite } from "../support/databases.mjs";

const schemas = validSchemas();

function generated(file, dialect) {
  return { sql: relplayOk(["convert", file, "--to", "sql", "--dialect", dialect]), ir: JSON.parse(relplayOk(["convert", file, "--to", "json"])) };
}

function assertSameShape(expected, actual, dialect, sql) {
  const differences = compareShapes(expected, actual, dialect);
  assert.deepEqual(differences, [], `the database differs from the IR:\n  ${differences.join("\n  ")}\n--- SQL ---\n${sql}`);
}

describe("PostgreSQL", () => {
  const postgres = new Postgres();
  before(() => postgres.connect());
  after(() => postgres.end());

  for (const { file, name } of schemas) {
    test(`${name} runs and matches the IR`, async () => {
      const { sql, ir } = generated(file, "postgresql");
      const runnable = await postgres.withoutMissingExtensions(sql);
      assertSameShape(expectedShape(ir, "postgresql"), await postgres.shapeAfter(name, runnable), "postgresql", sql);
    });
  }

  test("user-profile: the database enforces one profile per user and cascades", async () => {
    const { sql } = generated(join(repoRoot, "examples/user-profile.prisma"), "postgresql");
    const client = await postgres.fresh("behaviour");
    try {
      await client.query(sql);
      await client.query(`insert into "User" (email) values ('a@example.com')`);
      await client.query(`insert into "Profile" (bio, "userId") values ('first', 1)`);
      await assert.rejects(client.query(`insert into "Profile" (bio, "userId") values ('second', 1)`), /unique/i);
      await assert.rejects(client.query(`insert into "Profile" (bio, "userId") values ('dangling', 99)`), /foreign key/i);
      await client.query(`delete from "User" where id = 1`);
      assert.equal((await client.query(`select count(*)::int as n from "Profile"`)).rows[0].n, 0);
    } finally {
      await client.end();
    }
  });
});

describe("MySQL (MariaDB)", () => {
  const mysql = new Mysql();
  before(() => mysql.connect());
  after(() => mysql.end());

  for (const { file, name } of schemas) {
    test(`${name} runs and matches the IR`, async () => {
      const { sql, ir } = generated(file, "mysql");
      assertSameShape(expectedShape(ir, "mysql"), await mysql.shapeAfter(name, sql), "mysql", sql);
    });
  }

  test("user-profile: the database enforces one profile per user and cascades", async () => {
    const { sql } = generated(join(repoRoot, "examples/user-profile.prisma"), "mysql");
    await mysql.fresh("behaviour");
    const connection = mysql.connection;
    await connection.query(sql);
    await connection.query("insert into `User` (email) values ('a@example.com')");
    await connection.query("insert into `Profile` (bio, userId) values ('first', 1)");
    await assert.rejects(connection.query("insert into `Profile` (bio, userId) values ('second', 1)"), /Duplicate entry/);
    await assert.rejects(connection.query("insert into `Profile` (bio, userId) values ('dangling', 99)"), /foreign key constraint fails/);
    await connection.query("delete from `User` where id = 1");
    const [rows] = await connection.query("select count(*) as n from `Profile`");
    assert.equal(Number(rows[0].n), 0);
  });
});

describe("SQLite", () => {
  const sqlite = new Sqlite();
  after(() => sqlite.end());

  for (const { file, name } of schemas) {
    test(`${name} runs and matches the IR`, () => {
      const { sql, ir } = generated(file, "sqlite");
      assertSameShape(expectedShape(ir, "sqlite"), sqlite.shapeAfter(name, sql), "sqlite", sql);
    });
  }

  test("user-profile: the script turns enforcement on, so the keys are checked", () => {
    const { sql } = generated(join(repoRoot, "examples/user-profile.prisma"), "sqlite");
    const setup = sqlite.run("behaviour", sql);
    assert.equal(setup.status, 0, setup.stderr);
    // One connection runs the script and then the statements, as an application would.
    const statements = (extra) => `${sql}\ninsert into "User" (email) values ('a@example.com');\ninsert into "Profile" (bio, "userId") values ('first', 1);\n${extra}`;
    const duplicate = sqlite.run("b1", statements(`insert into "Profile" (bio, "userId") values ('second', 1);`));
    assert.match(duplicate.stderr, /UNIQUE constraint failed/);
    const dangling = sqlite.run("b2", statements(`insert into "Profile" (bio, "userId") values ('dangling', 99);`));
    assert.match(dangling.stderr, /FOREIGN KEY constraint failed/);
    const cascade = sqlite.run("b3", statements(`delete from "User" where id = 1;\nselect count(*) from "Profile";`));
    assert.equal(cascade.status, 0, cascade.stderr);
    assert.equal(cascade.stdout.trim(), "0");
  });
});
