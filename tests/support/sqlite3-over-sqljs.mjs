// The part of the `sqlite3` package's API that Sequelize's SQLite dialect uses, over sql.js
// (SQLite compiled to WebAssembly). The native `sqlite3` and `better-sqlite3` modules do not
// build on this machine, and Sequelize accepts any module with that API as `dialectModule`.
import initSqlJs from "sql.js";

const SQL = await initSqlJs();

function splitArguments(parameters, callback) {
  if (typeof parameters === "function") return { parameters: [], callback: parameters };
  return { parameters: parameters ?? [], callback };
}

class Database {
  constructor(filename, mode, callback) {
    if (typeof mode === "function") callback = mode;
    this.filename = filename;
    this.database = new SQL.Database();
    queueMicrotask(() => callback?.call(this, null));
  }

  serialize(work) {
    work?.();
  }

  /** Runs one statement; the callback's `this` carries lastID and changes, as in sqlite3. */
  run(sql, parameters, callback) {
    ({ parameters, callback } = splitArguments(parameters, callback));
    try {
      this.database.run(sql, parameters);
      const lastID = this.database.exec("select last_insert_rowid()")[0]?.values[0][0];
      callback?.call({ lastID, changes: this.database.getRowsModified() }, null);
    } catch (error) {
      callback?.call({}, error);
    }
    return this;
  }

  /** Runs a query and hands over every row as an object. */
  all(sql, parameters, callback) {
    ({ parameters, callback } = splitArguments(parameters, callback));
    let statement;
    try {
      statement = this.database.prepare(sql);
      statement.bind(parameters);
      const rows = [];
      while (statement.step()) rows.push(statement.getAsObject());
      callback?.call({}, null, rows);
    } catch (error) {
      callback?.call({}, error);
    } finally {
      statement?.free();
    }
    return this;
  }

  exec(sql, callback) {
    try {
      this.database.exec(sql);
      callback?.call(this, null);
    } catch (error) {
      callback?.call(this, error);
    }
    return this;
  }

  close(callback) {
    callback?.(null);
  }

  /** The database file's bytes. */
  export() {
    return this.database.export();
  }
}

export const sqlite3OverSqlJs = {
  Database,
  OPEN_READONLY: 0x1,
  OPEN_READWRITE: 0x2,
  OPEN_CREATE: 0x4,
  OPEN_FULLMUTEX: 0x10000,
  OPEN_URI: 0x40,
  OPEN_SHAREDCACHE: 0x20000,
  OPEN_PRIVATECACHE: 0x40000,
  verbose() {
    return sqlite3OverSqlJs;
  },
};
