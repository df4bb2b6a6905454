// relplay's SQL, run unchanged on real PostgreSQL, MariaDB (for MySQL) and SQLite: every schema
// must execute without error, and the database must then hold exactly the tables, columns,
// nullability, keys, uniques and foreign keys (with their actions) that the IR describes.
//
// Needs the servers from `scripts/databases.sh start` (RELPLAY_PG_URL, RELPLAY_MYSQL_URL).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import mysql from "mysql2/promise";
import { relplayOk, validSchemas, repoRoot } from "../support/relplay.mjs";
import { introspectPostgres, introspectMysql, sqliteIntrospectionQuery, sqliteShape } from "../support/introspect.mjs";
import { expectedShape, compareShapes } from "../support/expected-shape.mjs";

const schemas = validSchemas();
const databaseName = (name) => `rp_${name.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`;

function generated(file, dialect) {
  return { sql: relplayOk(["convert", file, "--to", "sql", "--dialect", dialect]), ir: JSON.parse(relplayOk(["convert", file, "--to", "json"])) };
}

function assertSameShape(expected, actual, dialect, sql) {
  const differences = compareShapes(expected, actual, dialect);
  assert.deepEqual(differences, [], `the database differs from the IR:\n  ${differences.join("\n  ")}\n--- SQL ---\n${sql}`);
}

describe("PostgreSQL", () => {
  const url = process.env.RELPLAY_PG_URL;
  let admin;
  before(async () => {
    assert.ok(url, "RELPLAY_PG_URL is not set: run through scripts/test.sh (or eval \"$(scripts/databases.sh start)\")");
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  after(async () => admin?.end());

  async function freshDatabase(name) {
    const database = databaseName(name);
    await admin.query(`drop database if exists "${database}" with (force)`);
    await admin.query(`create database "${database}"`);
    const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, `/${database}`) });
    await client.connect();
    return client;
  }

  for (const { file, name } of schemas) {
    test(`${name} runs and matches the IR`, async () => {
      const { sql, ir } = generated(file, "postgresql");
      const client = await freshDatabase(name);
      try {
        await client.query(sql);
        assertSameShape(expectedShape(ir, "postgresql"), await introspectPostgres(client), "postgresql", sql);
      } finally {
        await client.end();
      }
    });
  }

  test("user-profile: the database enforces one profile per user and cascades", async () => {
    const { sql } = generated(join(repoRoot, "examples/user-profile.prisma"), "postgresql");
    const client = await freshDatabase("behaviour");
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
  const url = process.env.RELPLAY_MYSQL_URL;
  let connection;
  before(async () => {
    assert.ok(url, "RELPLAY_MYSQL_URL is not set: run through scripts/test.sh");
    connection = await mysql.createConnection({ uri: url, multipleStatements: true });
  });
  after(async () => connection?.end());

  async function freshDatabase(name) {
    const database = databaseName(name);
    await connection.query(`drop database if exists \`${database}\`; create database \`${database}\`; use \`${database}\``);
    return database;
  }

  for (const { file, name } of schemas) {
    test(`${name} runs and matches the IR`, async () => {
      const { sql, ir } = generated(file, "mysql");
      const database = await freshDatabase(name);
      await connection.query(sql);
      assertSameShape(expectedShape(ir, "mysql"), await introspectMysql(connection, database), "mysql", sql);
    });
  }

  test("user-profile: the database enforces one profile per user and cascades", async () => {
    const { sql } = generated(join(repoRoot, "examples/user-profile.prisma"), "mysql");
    await freshDatabase("behaviour");
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
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "relplay-sqlite-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function sqlite(database, input) {
    const result = spawnSync("sqlite3", ["-bail", join(dir, `${database}.db`)], { input, encoding: "utf8" });
    if (result.error) throw result.error;
    return result;
  }

  for (const { file, name } of schemas) {
    test(`${name} runs and matches the IR`, () => {
      const { sql, ir } = generated(file, "sqlite");
      const run = sqlite(name, sql);
      assert.equal(run.status, 0, `sqlite3 rejected the SQL: ${run.stderr}\n${sql}`);
      const shape = sqlite(name, sqliteIntrospectionQuery);
      assert.equal(shape.status, 0, shape.stderr);
      assertSameShape(expectedShape(ir, "sqlite"), sqliteShape(shape.stdout), "sqlite", sql);
    });
  }

  test("user-profile: the script turns enforcement on, so the keys are checked", () => {
    const { sql } = generated(join(repoRoot, "examples/user-profile.prisma"), "sqlite");
    const setup = sqlite("behaviour", sql);
    assert.equal(setup.status, 0, setup.stderr);
    // One connection runs the script and then the statements, as an application would.
    const statements = (extra) => `${sql}\ninsert into "User" (email) values ('a@example.com');\ninsert into "Profile" (bio, "userId") values ('first', 1);\n${extra}`;
    const duplicate = sqlite("b1", statements(`insert into "Profile" (bio, "userId") values ('second', 1);`));
    assert.match(duplicate.stderr, /UNIQUE constraint failed/);
    const dangling = sqlite("b2", statements(`insert into "Profile" (bio, "userId") values ('dangling', 99);`));
    assert.match(dangling.stderr, /FOREIGN KEY constraint failed/);
    const cascade = sqlite("b3", statements(`delete from "User" where id = 1;\nselect count(*) from "Profile";`));
    assert.equal(cascade.status, 0, cascade.stderr);
    assert.equal(cascade.stdout.trim(), "0");
  });
});
