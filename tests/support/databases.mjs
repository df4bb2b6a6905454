// Runs a SQL script on a fresh database of each kind and reads back its shape (introspect.mjs).
// PostgreSQL and MariaDB come from `scripts/databases.sh start` (RELPLAY_PG_URL, RELPLAY_MYSQL_URL);
// SQLite is Debian's sqlite3 shell on a file.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import mysql from "mysql2/promise";
import { introspectPostgres, introspectMysql, sqliteIntrospectionQuery, sqliteShape } from "./introspect.mjs";

export const databaseName = (name) => `rp_${name.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`;

export class Postgres {
  constructor(url = process.env.RELPLAY_PG_URL) {
    if (!url) throw new Error("RELPLAY_PG_URL is not set: run through scripts/test.sh (or eval \"$(scripts/databases.sh start)\")");
    this.url = url;
    /** The databases `fresh` made that are not dropped yet. */
    this.made = new Set();
  }

  async connect() {
    this.admin = new pg.Client({ connectionString: this.url });
    await this.admin.connect();
  }

  /** The extensions this server can create (`CREATE EXTENSION`), by name; asked once. */
  async availableExtensions() {
    this.extensions ??= this.admin.query("select name from pg_available_extensions").then(({ rows }) => new Set(rows.map((r) => r.name)));
    return this.extensions;
  }

  /**
   * `sql` without the CREATE EXTENSION statements of extensions this server lacks (formbricks'
   * `vector`, which no column of it is typed by): what depends on one fails by itself.
   */
  async withoutMissingExtensions(sql) {
    const available = await this.availableExtensions();
    return sql.replace(/^CREATE EXTENSION IF NOT EXISTS "([^"]+)";\n/gm, (line, name) => (available.has(name) ? line : ""));
  }

  /**
   * A client on a new, empty database called after `name`. All but the last few databases made
   * before it are dropped first if nobody is connected to them: each is ~8 MB of files and as
   * much again of write-ahead log, a whole run makes ~500, and CI once ran out of disk on the
   * 4.9 GB they took. (The last few stay because a test may make its next database before it
   * opens the previous one again, as `freshDatabase` lets it.)
   */
  async fresh(name) {
    const database = databaseName(name);
    await this.dropOldUnused();
    await this.admin.query(`drop database if exists "${database}" with (force)`);
    await this.admin.query(`create database "${database}"`);
    this.made.delete(database);
    this.made.add(database);
    const client = new pg.Client({ connectionString: this.url.replace(/\/[^/]*$/, `/${database}`) });
    await client.connect();
    return client;
  }

  /** Drops the databases this object made, but for the last `keep`, that have no connection left. */
  async dropOldUnused(keep = 16) {
    const old = [...this.made].slice(0, Math.max(0, this.made.size - keep));
    for (const database of old) {
      try {
        await this.admin.query(`drop database if exists "${database}"`);
        this.made.delete(database);
      } catch (error) {
        // 55006: "database … is being accessed by other users": an ORM's pool still open keeps it.
        if (error.code !== "55006") throw error;
      }
    }
  }

  /** Runs `sql` on a fresh database and returns its shape. */
  async shapeAfter(name, sql) {
    const client = await this.fresh(name);
    try {
      await client.query(sql);
      return await introspectPostgres(client);
    } finally {
      await client.end();
    }
  }

  async end() {
    if (this.admin) {
      for (const database of this.made) await this.admin.query(`drop database if exists "${database}" with (force)`);
      this.made.clear();
    }
    await this.admin?.end();
  }
}

export class Mysql {
  constructor(url = process.env.RELPLAY_MYSQL_URL) {
    if (!url) throw new Error("RELPLAY_MYSQL_URL is not set: run through scripts/test.sh");
    this.url = url;
  }

  async connect() {
    this.connection = await mysql.createConnection({ uri: this.url, multipleStatements: true });
  }

  /** Switches to a new, empty database called after `name`; returns its name. */
  async fresh(name) {
    const database = databaseName(name);
    await this.connection.query(`drop database if exists \`${database}\`; create database \`${database}\`; use \`${database}\``);
    return database;
  }

  async shapeAfter(name, sql) {
    const database = await this.fresh(name);
    await this.connection.query(sql);
    return this.shape(database);
  }

  /** The shape of `database` as it is. */
  shape(database) {
    return introspectMysql(this.connection, database);
  }

  async end() {
    await this.connection?.end();
  }
}

export class Sqlite {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), "relplay-sqlite-"));
  }

  /** Runs `input` with the sqlite3 shell on the database file called `name`. */
  run(name, input) {
    const result = spawnSync("sqlite3", ["-bail", join(this.dir, `${name}.db`)], { input, encoding: "utf8" });
    if (result.error) throw result.error;
    return result;
  }

  shapeAfter(name, sql) {
    const run = this.run(name, sql);
    if (run.status !== 0) throw new Error(`sqlite3 rejected the SQL: ${run.stderr}`);
    const shape = this.run(name, sqliteIntrospectionQuery);
    if (shape.status !== 0) throw new Error(shape.stderr);
    return sqliteShape(shape.stdout);
  }

  /** Writes `bytes` (a database file made elsewhere, e.g. by sql.js) as `name` and reads its shape. */
  shapeOfFile(name, bytes) {
    writeFileSync(join(this.dir, `${name}.db`), bytes);
    const shape = this.run(name, sqliteIntrospectionQuery);
    if (shape.status !== 0) throw new Error(shape.stderr);
    return sqliteShape(shape.stdout);
  }

  end() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The three test databases for a test file: `{ postgres, mysql, sqlite }`, opened in the file's
 * `before` hook and closed in its `after` (pass node:test's two).
 */
export function testServers(before, after) {
  const servers = {};
  before(async () => {
    servers.postgres = new Postgres();
    servers.mysql = new Mysql();
    servers.sqlite = new Sqlite();
    await servers.postgres.connect();
    await servers.mysql.connect();
  });
  after(async () => {
    await servers.postgres.end();
    await servers.mysql.end();
    servers.sqlite.end();
  });
  return servers;
}

/** The server of `dialect` (postgresql, mysql, sqlite) among testServers'. */
export function serverOf(servers, dialect) {
  return dialect === "postgresql" ? servers.postgres : servers[dialect];
}
