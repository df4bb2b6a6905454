// Builds a database from relplay's ORM output with the ORM itself — TypeORM's `synchronize`,
// Sequelize's `sync` — and reads the database back (introspect.mjs); reads Prisma's own view of
// relplay's Prisma schema from its DMMF into the same shape.
//
// PostgreSQL and MariaDB are the servers of `scripts/databases.sh`; SQLite is sql.js for both
// ORMs (TypeORM's "sqljs" driver, and Sequelize over sqlite3-over-sqljs.mjs), exported to a file
// that Debian's sqlite3 shell reads back.
import { createRequire } from "node:module";
import pg from "pg";
import { databaseName } from "./databases.mjs";
import { importGenerated } from "./generated-module.mjs";
import { introspectPostgres, introspectMysql } from "./introspect.mjs";
import { expectedType } from "./column-types.mjs";
import { sqlite3OverSqlJs } from "./sqlite3-over-sqljs.mjs";

const require = createRequire(import.meta.url);
function urlWithDatabase(url, database) {
  return url.replace(/\/[^/]*$/, `/${database}`);
}

/** A fresh database of `dialect` for one build: { options for the ORM, shape() }. */
export async function freshDatabase(dialect, name, servers) {
  if (dialect === "postgresql") {
    const client = await servers.postgres.fresh(name);
    await client.end();
    const url = urlWithDatabase(servers.postgres.url, databaseName(name));
    return {
      url,
      shape: async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return await introspectPostgres(client);
        } finally {
          await client.end();
        }
      },
    };
  }
  if (dialect === "mysql") {
    const database = await servers.mysql.fresh(name);
    return { url: urlWithDatabase(servers.mysql.url, database), shape: () => introspectMysql(servers.mysql.connection, database) };
  }
  return { url: null, shape: (bytes) => servers.sqlite.shapeOfFile(name, bytes) };
}

/**
 * Imports relplay's TypeORM module and opens a DataSource on a fresh database of `dialect` with
 * `synchronize`: `{ dataSource, module, shape() }`, where `shape()` reads the database back.
 */
export async function openTypeorm(name, source, dialect, servers) {
  const { DataSource } = await import("typeorm");
  const module = await importGenerated(`${name}-typeorm`, source, true);
  const database = await freshDatabase(dialect, `${name}_typeorm`, servers);
  return { module, ...(await synchronizeTypeorm(DataSource, module.entities, dialect, database)) };
}

/**
 * A TypeORM DataSource of `entities` on `database` (from freshDatabase) with `synchronize`, and
 * `shape()`, which reads the database back. `DataSource` is the caller's (ES or CommonJS) TypeORM.
 */
export async function synchronizeTypeorm(DataSource, entities, dialect, database) {
  const common = { entities, synchronize: true, logging: false };
  const options =
    dialect === "postgresql"
      ? { type: "postgres", url: database.url, ...common }
      : dialect === "mysql"
        ? { type: "mysql", url: database.url, ...common }
        : { type: "sqljs", ...common };
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  const shape = () => (dialect === "sqlite" ? database.shape(dataSource.driver.export()) : database.shape());
  return { dataSource, shape };
}

/** Runs TypeORM's `synchronize` for relplay's TypeORM module on a fresh database; returns the database's shape. */
export async function typeormShape(name, source, dialect, servers) {
  const { dataSource, shape } = await openTypeorm(name, source, dialect, servers);
  try {
    return await shape();
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Imports relplay's Sequelize module, defines the models on a fresh database of `dialect` and
 * syncs them (then adds the keys sync cannot: composite and cycle-closing ones): `{ sequelize, models, shape() }`.
 */
export async function openSequelize(name, source, dialect, servers) {
  const { Sequelize } = require("sequelize");
  const { defineModels, addForeignKeysAfterSync } = await importGenerated(`${name}-sequelize`, source, false);
  const database = await freshDatabase(dialect, `${name}_sequelize`, servers);
  const sequelize =
    dialect === "sqlite"
      ? new Sequelize({ dialect: "sqlite", storage: ":memory:", dialectModule: sqlite3OverSqlJs, logging: false })
      : new Sequelize(database.url, { dialect: dialect === "postgresql" ? "postgres" : "mysql", logging: false });
  const models = defineModels(sequelize);
  await sequelize.sync();
  await addForeignKeysAfterSync(sequelize);
  const shape = async () => {
    if (dialect !== "sqlite") return database.shape();
    const connection = await sequelize.connectionManager.getConnection({});
    return database.shape(connection.export());
  };
  return { sequelize, models, shape };
}

/** Runs Sequelize's `sync` for relplay's Sequelize module on a fresh database; returns the database's shape. */
export async function sequelizeShape(name, source, dialect, servers) {
  const { sequelize, shape } = await openSequelize(name, source, dialect, servers);
  try {
    return await shape();
  } finally {
    await sequelize.close();
  }
}

const PRISMA_ACTIONS = { Cascade: "CASCADE", Restrict: "RESTRICT", NoAction: "NO ACTION", SetNull: "SET NULL", SetDefault: "SET DEFAULT" };

/**
 * The database Prisma means by a schema, from its DMMF: tables, columns and nullability, keys,
 * uniques, foreign keys with Prisma's default actions filled in, and implicit join tables
 * (`_Name` with `A` → the model first by name, `B` → the other; a primary key on PostgreSQL, a
 * unique index elsewhere). `relationMode = "prisma"` means no foreign keys.
 */
export function prismaShape(dmmf, dialect, relationModePrisma, views = []) {
  // Prisma's DMMF lists views among the models; a view is no table, and a relation that reaches
  // one makes no foreign key.
  const viewNames = new Set(views);
  const models = new Map(dmmf.datamodel.models.filter((m) => !viewNames.has(m.name)).map((m) => [m.name, m]));
  const tableOf = (model) => model.dbName ?? model.name;
  const columnOf = (model, fieldName) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };
  const enums = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.dbName ?? v.name)]));
  // The column type Prisma gives a field: its native type or its scalar's default.
  const typeOf = (field) =>
    expectedType(
      {
        fieldType: field.kind === "enum" ? { kind: "enum", name: field.type } : { kind: field.type.toLowerCase() },
        native: field.nativeType ? { name: field.nativeType[0], arguments: field.nativeType[1] } : null,
        list: field.isList,
        enumValues: enums.get(field.type),
      },
      dialect,
    );
  const shape = {};
  for (const model of models.values()) {
    const columns = {};
    for (const field of model.fields.filter((f) => f.kind !== "object")) {
      columns[field.dbName ?? field.name] = { nullable: !field.isRequired, type: typeOf(field) };
    }
    const idField = model.fields.find((f) => f.isId);
    const primaryKey = idField ? [columnOf(model, idField.name)] : (model.primaryKey?.fields ?? []).map((f) => columnOf(model, f));
    const uniques = [
      ...model.fields.filter((f) => f.isUnique).map((f) => [columnOf(model, f.name)]),
      ...model.uniqueFields.map((fields) => fields.map((f) => columnOf(model, f))),
    ];
    shape[tableOf(model)] = { columns, primaryKey, uniques, foreignKeys: [] };
  }
  const joinTables = new Map();
  for (const model of models.values()) {
    for (const field of model.fields.filter((f) => f.kind === "object" && !viewNames.has(f.type))) {
      const target = models.get(field.type);
      if (field.relationFromFields?.length) {
        if (relationModePrisma) continue;
        const fromFields = field.relationFromFields.map((f) => model.fields.find((x) => x.name === f));
        const required = fromFields.every((f) => f.isRequired);
        shape[tableOf(model)].foreignKeys.push({
          columns: field.relationFromFields.map((f) => columnOf(model, f)),
          table: tableOf(target),
          referenced: field.relationToFields.map((f) => columnOf(target, f)),
          onDelete: PRISMA_ACTIONS[field.relationOnDelete ?? (required ? "Restrict" : "SetNull")],
          onUpdate: PRISMA_ACTIONS[field.relationOnUpdate ?? "Cascade"],
        });
      } else if (field.isList) {
        const opposite = target.fields.find((f) => f.kind === "object" && f.relationName === field.relationName && f !== field);
        if (!opposite?.isList) continue;
        const [first, second] = [model.name, target.name].sort();
        joinTables.set(field.relationName, { first: models.get(first), second: models.get(second) });
      }
    }
  }
  for (const [relationName, { first, second }] of joinTables) {
    const idOf = (model) => columnOf(model, model.fields.find((f) => f.isId).name);
    const idType = (model) => typeOf(model.fields.find((f) => f.isId));
    const pair = ["A", "B"];
    shape[`_${relationName}`] = {
      columns: { A: { nullable: false, type: idType(first) }, B: { nullable: false, type: idType(second) } },
      primaryKey: dialect === "postgresql" ? pair : [],
      uniques: dialect === "postgresql" ? [] : [pair],
      foreignKeys: relationModePrisma
        ? []
        : [
            { columns: ["A"], table: tableOf(first), referenced: [idOf(first)], onDelete: "CASCADE", onUpdate: "CASCADE" },
            { columns: ["B"], table: tableOf(second), referenced: [idOf(second)], onDelete: "CASCADE", onUpdate: "CASCADE" },
          ],
    };
  }
  return shape;
}
