// The database shape a schema's IR (relplay's JSON) promises, in the form introspect.mjs reads,
// and a readable comparison of two shapes.
import { carriedNative, expectedType } from "./column-types.mjs";

const ACTIONS = { cascade: "CASCADE", restrict: "RESTRICT", no_action: "NO ACTION", set_null: "SET NULL", set_default: "SET DEFAULT" };

/** What the database should hold after relplay's SQL for `ir` runs on `dialect`. */
export function expectedShape(ir, dialect) {
  const shape = {};
  const entities = new Map(ir.entities.map((e) => [e.name, e]));
  const columnOf = (entity, field) => entity.fields.find((f) => f.name === field)?.column ?? field;
  const enums = new Map((ir.enums ?? []).map((e) => [e.name, e.values.map((v) => v.database_name)]));
  const typeOf = (field) =>
    expectedType(
      {
        fieldType: field.field_type,
        // The type the source's ORM gives the column on this database, else its native type.
        native: field.database_types?.find((t) => t.database === dialect)?.native_type ?? carriedNative(field.native_type, ir.provider, dialect),
        list: field.list,
        enumValues: enums.get(field.field_type.name),
      },
      dialect,
    );
  for (const entity of ir.entities) {
    const columns = {};
    for (const field of entity.fields) columns[field.column] = { nullable: field.nullable, type: typeOf(field) };
    shape[entity.table] = {
      columns,
      primaryKey: entity.primary_key ? entity.primary_key.fields.map((f) => columnOf(entity, f)) : [],
      uniques: entity.uniques.map((u) => u.fields.map((f) => columnOf(entity, f))),
      foreignKeys: [],
    };
  }
  // With relationMode "prisma" the ORM enforces relations: the database has no foreign keys.
  const constraints = ir.relation_mode !== "prisma";
  for (const relation of ir.relations) {
    const fk = relation.foreign_key;
    if (fk && constraints) {
      const owner = entities.get(fk.entity);
      const target = entities.get(fk.referenced_entity);
      shape[owner.table].foreignKeys.push({
        columns: fk.fields.map((f) => columnOf(owner, f)),
        table: target.table,
        referenced: fk.referenced_fields.map((f) => columnOf(target, f)),
        // MySQL refuses SET NULL on a NOT NULL key: relplay writes NO ACTION there (and says so).
        onDelete: dialect === "mysql" && fk.required && relation.on_delete === "set_null" ? "NO ACTION" : ACTIONS[relation.on_delete],
        onUpdate: dialect === "mysql" && fk.required && relation.on_update === "set_null" ? "NO ACTION" : ACTIONS[relation.on_update],
      });
    }
    const join = relation.join_table;
    if (join) {
      const [a, b] = join.columns;
      const pair = [a.column, b.column];
      shape[join.table] = {
        joinTable: true,
        // Typed as the keys they reference.
        columns: Object.fromEntries(
          join.columns.map((c) => {
            const target = entities.get(c.referenced_entity);
            const referenced = target.fields.find((f) => f.name === c.referenced_field);
            return [c.column, { nullable: false, type: referenced ? typeOf({ ...referenced, list: false }) : undefined }];
          }),
        ),
        primaryKey: dialect === "postgresql" ? pair : [],
        uniques: dialect === "postgresql" ? [] : [pair],
        foreignKeys: !constraints ? [] : join.columns.map((c) => {
          const target = entities.get(c.referenced_entity);
          return { columns: [c.column], table: target.table, referenced: [columnOf(target, c.referenced_field)], onDelete: "CASCADE", onUpdate: "CASCADE" };
        }),
      };
    }
  }
  return shape;
}

// MySQL stores NO ACTION as RESTRICT (they mean the same there), and relplay writes SET DEFAULT
// as NO ACTION on MySQL because InnoDB rejects it.
function normalAction(action, dialect) {
  if (dialect !== "mysql") return action;
  return action === "NO ACTION" || action === "SET DEFAULT" ? "RESTRICT" : action;
}

function foreignKeyText(fk, dialect) {
  return `(${fk.columns.join(", ")}) -> ${fk.table}(${fk.referenced.join(", ")}) ON DELETE ${normalAction(fk.onDelete, dialect)} ON UPDATE ${normalAction(fk.onUpdate, dialect)}`;
}

const uniqueText = (columns) => `(${[...columns].sort().join(", ")})`;

/**
 * A join table's pair key: Prisma makes it the primary key on PostgreSQL and a unique index
 * elsewhere, TypeORM and Sequelize always the primary key. On two NOT NULL columns both say
 * "each pair once", so a join table's key is compared as a set of columns, whichever it is.
 */
function pairKeyed(table) {
  const all = Object.keys(table.columns);
  const covers = (columns) => columns.length === all.length && all.every((c) => columns.includes(c));
  const key = table.primaryKey.length ? table.primaryKey : (table.uniques.find(covers) ?? []);
  return { ...table, primaryKey: [...key].sort(), uniques: table.uniques.filter((u) => !covers(u)) };
}

/** Every difference between two shapes, as sentences; empty when they agree. */
export function compareShapes(expected, actual, dialect) {
  const differences = [];
  const names = (o) => Object.keys(o).sort();
  for (const t of names(expected)) if (!actual[t]) differences.push(`missing table ${t}`);
  for (const t of names(actual)) if (!expected[t]) differences.push(`unexpected table ${t}`);
  for (const t of names(expected)) {
    const e = expected[t].joinTable ? pairKeyed(expected[t]) : expected[t];
    const a = actual[t] && expected[t].joinTable ? pairKeyed(actual[t]) : actual[t];
    if (!a) continue;
    for (const c of names(e.columns)) {
      if (!a.columns[c]) differences.push(`${t}: missing column ${c}`);
      else {
        if (a.columns[c].nullable !== e.columns[c].nullable) differences.push(`${t}.${c}: nullable is ${a.columns[c].nullable}, expected ${e.columns[c].nullable}`);
        // A column's type is compared where the expectation states one.
        if (e.columns[c].type !== undefined && a.columns[c].type !== e.columns[c].type) {
          differences.push(`${t}.${c}: type ${a.columns[c].type}, expected ${e.columns[c].type}`);
        }
      }
    }
    for (const c of names(a.columns)) if (!e.columns[c]) differences.push(`${t}: unexpected column ${c}`);
    if (e.primaryKey.join(",") !== a.primaryKey.join(",")) differences.push(`${t}: primary key (${a.primaryKey.join(", ")}), expected (${e.primaryKey.join(", ")})`);
    // A unique constraint on exactly the primary key adds nothing (SQLite does not even keep it).
    const keyText = uniqueText(e.primaryKey);
    const eu = new Set(e.uniques.map(uniqueText).filter((u) => u !== keyText));
    const au = new Set(a.uniques.map(uniqueText).filter((u) => u !== keyText));
    for (const u of eu) if (!au.has(u)) differences.push(`${t}: missing unique ${u}`);
    for (const u of au) if (!eu.has(u)) differences.push(`${t}: unexpected unique ${u}`);
    const ef = new Set(e.foreignKeys.map((f) => foreignKeyText(f, dialect)));
    const af = new Set(a.foreignKeys.map((f) => foreignKeyText(f, dialect)));
    for (const f of ef) if (!af.has(f)) differences.push(`${t}: missing foreign key ${f}`);
    for (const f of af) if (!ef.has(f)) differences.push(`${t}: unexpected foreign key ${f}`);
  }
  return differences;
}
