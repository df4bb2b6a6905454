// Real-world SQL schemas imported by relplay and written out again as SQL: the result must run on
// the real database of its dialect and hold exactly what the imported IR describes.
// (Pagila needs PostgreSQL 18 — uuidv7(), virtual generated columns — and the test server is 15,
// so it is checked by the core's import test only.)
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { relplayOk, corpusDir } from "../support/relplay.mjs";
import { expectedShape, compareShapes } from "../support/expected-shape.mjs";
import { Postgres, Mysql, Sqlite } from "../support/databases.mjs";

const files = {
  postgresql: ["chinook-postgresql.sql", "sakila-postgres.sql"],
  mysql: ["chinook-mysql.sql", "sakila-mysql.sql"],
  sqlite: ["chinook-sqlite.sql", "sakila-sqlite.sql"],
};

function imported(file, dialect) {
  const path = join(corpusDir, "sql", file);
  const from = `sql:${dialect}`;
  return {
    sql: relplayOk(["convert", path, "--from", from, "--to", "sql", "--dialect", dialect]),
    ir: JSON.parse(relplayOk(["convert", path, "--from", from, "--to", "json"])),
  };
}

function check(ir, shape, dialect, sql) {
  const differences = compareShapes(expectedShape(ir, dialect), shape, dialect);
  assert.deepEqual(differences, [], `the database differs from the imported IR:\n  ${differences.join("\n  ")}\n--- SQL ---\n${sql}`);
  assert.ok(ir.entities.length >= 9, `only ${ir.entities.length} tables were imported`);
}

describe("imported SQL on PostgreSQL", () => {
  const postgres = new Postgres();
  before(() => postgres.connect());
  after(() => postgres.end());
  for (const file of files.postgresql) {
    test(file, async () => {
      const { sql, ir } = imported(file, "postgresql");
      check(ir, await postgres.shapeAfter(`imported_${file}`, sql), "postgresql", sql);
    });
  }
});

describe("imported SQL on MariaDB", () => {
  const mysql = new Mysql();
  before(() => mysql.connect());
  after(() => mysql.end());
  for (const file of files.mysql) {
    test(file, async () => {
      const { sql, ir } = imported(file, "mysql");
      check(ir, await mysql.shapeAfter(`imported_${file}`, sql), "mysql", sql);
    });
  }
});

describe("imported SQL on SQLite", () => {
  const sqlite = new Sqlite();
  after(() => sqlite.end());
  for (const file of files.sqlite) {
    test(file, () => {
      const { sql, ir } = imported(file, "sqlite");
      check(ir, sqlite.shapeAfter(`imported_${file.replace(/\W/g, "_")}`, sql), "sqlite", sql);
    });
  }
});
