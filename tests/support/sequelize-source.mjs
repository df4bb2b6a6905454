// Runs Sequelize model code that people wrote under the real Sequelize, on a test database:
// the files are compiled to CommonJS as for TypeORM (typeorm-source.mjs), and `sequelize` is a
// shim whose `Sequelize` keeps the code's `define` options but connects to the test database.
// The code runs as it would in its app: every file is loaded in path order (an `index.js`
// defines and associates the models). Where no file makes a Sequelize instance, the harness
// makes one, calls each exported model factory with `(sequelize, DataTypes)` and then every
// model's `associate(models)`. Then `sync()` builds the tables and the database is read back.
import { createRequire } from "node:module";
import { join } from "node:path";
import { repoRoot } from "./relplay.mjs";
import { freshDatabase } from "./orm-databases.mjs";
import { readFileSync } from "node:fs";
import { codeFiles, loadEntityCode } from "./typeorm-source.mjs";
import { sqlite3OverSqlJs } from "./sqlite3-over-sqljs.mjs";

const require = createRequire(import.meta.url);
const realPath = require.resolve("sequelize", { paths: [repoRoot] });

const SHIM = `"use strict";
const real = require(${JSON.stringify(realPath)});
const harness = global.__relplaySequelize;
class Sequelize extends real.Sequelize {
  constructor(...args) {
    const given = args.find((a) => a && typeof a === "object" && !Array.isArray(a)) || {};
    super(...harness.connect(given));
    harness.instances.push(this);
  }
}
module.exports = { ...real, Sequelize, default: Sequelize };
`;

/** Sequelize's `sync()` of the model code in `dir` on a fresh database; the database's shape. */
export async function sequelizeShapeOfCode(name, dir, dialect, servers) {
  const { Sequelize: RealSequelize, DataTypes } = require(realPath);
  const database = await freshDatabase(dialect, `${name}_ssrc`, servers);
  const connect = (given) => {
    const common = { logging: false, define: given.define };
    if (dialect === "sqlite") return [{ dialect: "sqlite", storage: ":memory:", dialectModule: sqlite3OverSqlJs, ...common }];
    return [database.url, { dialect: dialect === "postgresql" ? "postgres" : "mysql", ...common }];
  };
  global.__relplaySequelize = { instances: [], connect };
  const decorated = codeFiles(dir).some((f) => /sequelize-typescript|\/src['"]/.test(readFileSync(join(dir, f), "utf8")));
  const modules = loadEntityCode(name, dir, { sequelize: SHIM }, "sequelize-typescript");
  let sequelize = global.__relplaySequelize.instances[0];
  if (!sequelize && decorated) {
    // sequelize-typescript: its own Sequelize, given every exported class as a model.
    const { Sequelize: Decorated } = require(require.resolve("sequelize-typescript", { paths: [repoRoot] }));
    const [first, second] = connect({});
    const options = second ? { ...second, models: [] } : { ...first, models: [] };
    sequelize = second ? new Decorated(first, options) : new Decorated(options);
    const classes = modules.flatMap((m) => Object.values(m)).filter((v) => typeof v === "function" && v.prototype);
    sequelize.addModels(classes.filter((c) => c.prototype && Reflect.getMetadata?.("sequelize:modelName", c.prototype)));
  } else if (!sequelize) {
    sequelize = new RealSequelize(...connect({}));
    for (const module of modules) {
      const factory = typeof module === "function" ? module : typeof module.default === "function" ? module.default : null;
      if (factory) factory(sequelize, DataTypes);
    }
    for (const model of Object.values(sequelize.models)) model.associate?.(sequelize.models);
  }
  try {
    await sequelize.sync();
    if (dialect !== "sqlite") return await database.shape();
    const connection = await sequelize.connectionManager.getConnection({});
    return await database.shape(connection.export());
  } finally {
    await sequelize.close();
  }
}
