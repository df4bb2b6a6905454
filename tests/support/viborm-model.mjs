// VibORM is not published on npm, so relplay's VibORM output cannot run on VibORM itself. This
// module stands in for `viborm`'s schema API as documented (orm-semantics.md §5; VibORM's docs:
// scalars, model, relations): every builder method the docs list exists with its documented
// arguments, anything else is a TypeError, arguments are checked (referential actions, field
// counts, fields that exist). `databaseShape` then derives the tables VibORM's migrations would
// create, by its documented rules (table = `.map()` or the schema key; 1:1 FKs unique; to-one
// defaults onDelete SetNull/Restrict, onUpdate NoAction; junction tables `a_b` with `aId`/`bId`
// unless `.through().A().B()`; junction FKs CASCADE), in introspect.mjs's shape.

const ACTIONS = { cascade: "CASCADE", setNull: "SET NULL", restrict: "RESTRICT", noAction: "NO ACTION" };

function fail(message) {
  throw new TypeError(`VibORM API: ${message}`);
}

function checkNames(method, names) {
  if (names.length === 0 || names.some((n) => typeof n !== "string" || n === "")) fail(`${method}() takes one or more field names, got ${JSON.stringify(names)}`);
}

class Scalar {
  constructor(kind, extra = {}) {
    Object.assign(this, { kind, nullable_: false, id_: false, unique_: false, column: null, array_: false, hasDefault: false }, extra);
  }
  copy(change) {
    return Object.assign(Object.create(Scalar.prototype), this, change);
  }
  nullable() { return this.copy({ nullable_: true }); }
  array() { return this.copy({ array_: true }); }
  id() { return this.copy({ id_: true }); }
  unique() { return this.copy({ unique_: true }); }
  default(value) {
    if (value === undefined) fail(".default() needs a value");
    return this.copy({ hasDefault: true });
  }
  map(name) {
    if (typeof name !== "string" || !name) fail(".map() takes a column name");
    return this.copy({ column: name });
  }
  schema() { return this; }
  only(kinds, method) {
    if (!kinds.includes(this.kind)) fail(`.${method}() does not exist on s.${this.kind}()`);
  }
  increment() { this.only(["int", "bigInt"], "increment"); return this.copy({ hasDefault: true }); }
  uuid() { this.only(["string"], "uuid"); return this.copy({ hasDefault: true }); }
  ulid() { this.only(["string"], "ulid"); return this.copy({ hasDefault: true }); }
  cuid() { this.only(["string"], "cuid"); return this.copy({ hasDefault: true }); }
  nanoid() { this.only(["string"], "nanoid"); return this.copy({ hasDefault: true }); }
  now() { this.only(["dateTime", "date", "time"], "now"); return this.copy({ hasDefault: true }); }
  updatedAt() { this.only(["dateTime", "date", "time"], "updatedAt"); return this.copy({ hasDefault: true }); }
}

const TO_ONE = ["oneToOne", "manyToOne"];

class RelationBuilder {
  constructor(config = {}) {
    this.config = config;
  }
  with(change) {
    return new RelationBuilder({ ...this.config, ...change });
  }
  allowed(method) {
    const kind = this.config.kind;
    const toOne = ["fields", "references", "optional", "onDelete", "onUpdate", "name"];
    const allowedByKind = { oneToOne: toOne, manyToOne: toOne, oneToMany: ["name"], manyToMany: ["through", "A", "B", "onDelete", "onUpdate", "name"] };
    if (kind && !allowedByKind[kind].includes(method)) fail(`.${method}() does not exist on s.${kind}()`);
  }
  fields(...names) { this.allowed("fields"); checkNames("fields", names); return this.with({ fields: names }); }
  references(...names) { this.allowed("references"); checkNames("references", names); return this.with({ references: names }); }
  optional() { this.allowed("optional"); return this.with({ optional: true }); }
  action(method, value) {
    this.allowed(method);
    if (!(value in ACTIONS)) fail(`.${method}() takes one of ${Object.keys(ACTIONS).join(", ")}, got ${JSON.stringify(value)}`);
    return this.with({ [method]: value });
  }
  onDelete(value) { return this.action("onDelete", value); }
  onUpdate(value) { return this.action("onUpdate", value); }
  name(value) { this.allowed("name"); if (typeof value !== "string" || !value) fail(".name() takes a string"); return this.with({ name: value }); }
  through(table) { this.allowed("through"); if (typeof table !== "string" || !table) fail(".through() takes a table name"); return this.with({ through: table }); }
  A(column) { this.allowed("A"); return this.with({ A: column }); }
  B(column) { this.allowed("B"); return this.with({ B: column }); }
  // The getters: first in the current API, last in the config-first one.
  getter(kind, target) {
    if (typeof target !== "function") fail(`s.${kind}() takes a function returning the model`);
    if (this.config.kind) fail(`.${kind}() after s.${this.config.kind}()`);
    const { kind: _, ...config } = this.config;
    for (const method of Object.keys(config)) new RelationBuilder({ kind }).allowed(method);
    return new RelationBuilder({ ...config, kind, target });
  }
  oneToOne(target) { return this.getter("oneToOne", target); }
  manyToOne(target) { return this.getter("manyToOne", target); }
  oneToMany(target) { return this.getter("oneToMany", target); }
  manyToMany(target) { return this.getter("manyToMany", target); }
}

class Model {
  constructor(members) {
    if (!members || typeof members !== "object") fail("s.model() takes an object of fields");
    this.members = members;
    this.table = null;
    this.compoundId = null;
    this.uniques = [];
    this.indexes = [];
  }
  map(name) { this.table = name; return this; }
  id(fields) { if (!Array.isArray(fields)) fail(".id() takes an array of fields"); this.compoundId = fields; return this; }
  unique(fields) { if (!Array.isArray(fields)) fail(".unique() takes an array of fields"); this.uniques.push(fields); return this; }
  index(fields) { if (!Array.isArray(fields)) fail(".index() takes an array of fields"); this.indexes.push(fields); return this; }
}

const scalarKinds = ["string", "int", "float", "decimal", "bigInt", "boolean", "dateTime", "date", "time", "json", "blob", "vector"];

export const s = {
  model: (members) => new Model(members),
  enum: (values) => {
    if (!Array.isArray(values) || values.length === 0) fail("s.enum() takes a non-empty array of values");
    return new Scalar("enum");
  },
  relation: new RelationBuilder(),
  oneToOne: (target) => new RelationBuilder().oneToOne(target),
  manyToOne: (target) => new RelationBuilder().manyToOne(target),
  oneToMany: (target) => new RelationBuilder().oneToMany(target),
  manyToMany: (target) => new RelationBuilder().manyToMany(target),
};
for (const kind of scalarKinds) s[kind] = () => new Scalar(kind);

/** The tables VibORM would create for `schema` (an object of models by key). */
export function databaseShape(schema) {
  const keyOf = new Map(Object.entries(schema).map(([key, model]) => [model, key]));
  const tableOf = (model) => model.table ?? keyOf.get(model);
  const scalars = (model) => Object.entries(model.members).filter(([, m]) => m instanceof Scalar);
  const columnOf = (model, field) => {
    const scalar = model.members[field];
    if (!(scalar instanceof Scalar)) fail(`'${field}' is not a scalar field of '${keyOf.get(model)}'`);
    return scalar.column ?? field;
  };
  const shape = {};
  for (const model of keyOf.keys()) {
    const columns = {};
    for (const [name, scalar] of scalars(model)) columns[scalar.column ?? name] = { nullable: scalar.nullable_ };
    const ids = scalars(model).filter(([, sc]) => sc.id_).map(([n]) => n);
    const primaryKey = (model.compoundId ?? ids).map((f) => columnOf(model, f));
    const uniques = [...scalars(model).filter(([, sc]) => sc.unique_).map(([n]) => [columnOf(model, n)]), ...model.uniques.map((u) => u.map((f) => columnOf(model, f)))];
    shape[tableOf(model)] = { columns, primaryKey, uniques, foreignKeys: [] };
  }
  const junctions = new Map();
  for (const [model, key] of keyOf) {
    for (const [name, member] of Object.entries(model.members)) {
      if (!(member instanceof RelationBuilder)) continue;
      const { kind, target, fields, references } = member.config;
      const other = target();
      if (!keyOf.has(other)) fail(`'${name}' in '${key}' targets unregistered model (R006)`);
      if (fields) {
        if (fields.length !== references?.length) fail(`'${name}': fields(${fields.length}) != references(${references?.length ?? 0}) (FK007)`);
        const columns = fields.map((f) => columnOf(model, f));
        const table = shape[tableOf(model)];
        const allNullable = fields.every((f) => model.members[f].nullable_);
        if (kind === "oneToOne") {
          const covered = [table.primaryKey, ...table.uniques].some((u) => u.length === columns.length && columns.every((c) => u.includes(c)));
          if (!covered) fail(`1:1 '${name}' in '${key}': FK [${fields}] must be unique - add .unique() or a compound unique constraint (FK008)`);
        }
        table.foreignKeys.push({
          columns,
          table: tableOf(other),
          referenced: references.map((f) => columnOf(other, f)),
          onDelete: ACTIONS[member.config.onDelete ?? (allNullable ? "setNull" : "restrict")],
          onUpdate: ACTIONS[member.config.onUpdate ?? "noAction"],
        });
      }
      if (kind === "manyToMany") {
        const names = [keyOf.get(model).toLowerCase(), keyOf.get(other).toLowerCase()];
        const selfPair = model === other;
        const junction = member.config.through ?? names.sort().join("_") + (member.config.name ? `_${member.config.name}` : "");
        const mine = member.config.A ?? (selfPair ? `${names[0]}AId` : `${keyOf.get(model).toLowerCase()}Id`);
        const theirs = member.config.B ?? (selfPair ? `${names[0]}BId` : `${keyOf.get(other).toLowerCase()}Id`);
        const idOf = (m) => {
          const ids = scalars(m).filter(([, sc]) => sc.id_);
          if (ids.length !== 1) fail(`many-to-many needs a single-field id on '${keyOf.get(m)}'`);
          return ids[0][1].column ?? ids[0][0];
        };
        const entry = (junctions.get(junction) ?? junctions.set(junction, { columns: new Map() }).get(junction));
        entry.columns.set(mine, { table: tableOf(model), referenced: idOf(model) });
        entry.columns.set(theirs, { table: tableOf(other), referenced: idOf(other) });
      }
    }
  }
  for (const [name, { columns }] of junctions) {
    if (columns.size !== 2) fail(`junction '${name}' is configured inconsistently across the pair (JT004): columns ${[...columns.keys()]}`);
    const names = [...columns.keys()];
    shape[name] = {
      joinTable: true,
      columns: Object.fromEntries(names.map((c) => [c, { nullable: false }])),
      primaryKey: names,
      uniques: [],
      foreignKeys: names.map((c) => ({ columns: [c], table: columns.get(c).table, referenced: [columns.get(c).referenced], onDelete: "CASCADE", onUpdate: "CASCADE" })),
    };
  }
  return shape;
}
