// A stand-in for VibORM's client as its documentation describes it (VibORM's client README: the
// operations and their arguments, `where` with scalar and relation filters — `is`/`isNot` on a
// to-one, `some`/`every`/`none` on a to-many —, compound keys named `a_b`, `include`/`select` of
// fields and relations, and the nested writes of its table). VibORM is not on npm, so each call is
// checked against that API and against the schema (relplay's VibORM module, built by the schema
// stand-in of viborm-model.mjs), then carried out by Prisma Client on the same database: the two
// clients share this API, so the call's effect is the one VibORM documents.

const ARGUMENTS = {
  findMany: ["where", "select", "include", "orderBy", "take", "skip", "cursor", "distinct"],
  findFirst: ["where", "select", "include", "orderBy", "take", "skip", "cursor", "distinct"],
  findUnique: ["where", "select", "include"],
  findFirstOrThrow: ["where", "select", "include", "orderBy", "take", "skip", "cursor", "distinct"],
  findUniqueOrThrow: ["where", "select", "include"],
  create: ["data", "select", "include"],
  createMany: ["data", "skipDuplicates"],
  update: ["where", "data", "select", "include"],
  updateMany: ["where", "data"],
  delete: ["where"],
  deleteMany: ["where"],
  upsert: ["where", "create", "update"],
  count: ["where", "select"],
};
const TO_ONE_WRITES = ["create", "connect", "connectOrCreate", "update", "upsert", "disconnect", "delete"];
const TO_MANY_WRITES = [...TO_ONE_WRITES, "set", "updateMany", "deleteMany"];
const LOGICAL = ["AND", "OR", "NOT"];

function refuse(message) {
  throw new TypeError(`not in VibORM's documented client API: ${message}`);
}

/** What the schema says of each model key: its scalars, its relations (to-one or to-many, target key), its compound keys. */
function describeSchema(schema) {
  const keyOf = new Map(Object.entries(schema).map(([key, model]) => [model, key]));
  const models = {};
  for (const [key, model] of Object.entries(schema)) {
    const scalars = new Set();
    const relations = {};
    for (const [name, member] of Object.entries(model.members)) {
      if (member.config?.kind) {
        relations[name] = { many: ["oneToMany", "manyToMany"].includes(member.config.kind), target: keyOf.get(member.config.target()) };
      } else {
        scalars.add(name);
      }
    }
    const compounds = [model.compoundId, ...model.uniques].filter((fields) => fields?.length > 1).map((fields) => fields.join("_"));
    models[key] = { scalars, relations, compounds: new Set(compounds) };
  }
  return models;
}

class Checker {
  constructor(models) {
    this.models = models;
  }

  where(key, where, path) {
    if (where === null || typeof where !== "object") refuse(`${path} is not an object`);
    const model = this.models[key];
    for (const [name, value] of Object.entries(where)) {
      if (LOGICAL.includes(name)) {
        for (const inner of [value].flat()) this.where(key, inner, `${path}.${name}`);
      } else if (model.scalars.has(name) || model.compounds.has(name)) {
        continue;
      } else if (model.relations[name]) {
        const relation = model.relations[name];
        const allowed = relation.many ? ["some", "every", "none"] : ["is", "isNot"];
        for (const [operator, inner] of Object.entries(value)) {
          if (!allowed.includes(operator)) refuse(`${path}.${name}.${operator} (a ${relation.many ? "to-many" : "to-one"} relation takes ${allowed.join(", ")})`);
          if (inner !== null) this.where(relation.target, inner, `${path}.${name}.${operator}`);
        }
      } else {
        refuse(`${path}.${name}: ${key} has no such field`);
      }
    }
  }

  shape(key, shape, path) {
    const model = this.models[key];
    for (const [name, value] of Object.entries(shape)) {
      if (model.scalars.has(name)) continue;
      const relation = model.relations[name];
      if (!relation) refuse(`${path}.${name}: ${key} has no such field or relation`);
      if (typeof value === "object") this.arguments(relation.target, "findMany", value, `${path}.${name}`, ["where", "select", "include", "orderBy", "take", "skip", "distinct"]);
    }
  }

  data(key, data, path) {
    for (const row of [data].flat()) {
      const model = this.models[key];
      for (const [name, value] of Object.entries(row)) {
        if (model.scalars.has(name)) continue;
        const relation = model.relations[name];
        if (!relation) refuse(`${path}.${name}: ${key} has no such field or relation`);
        const allowed = relation.many ? TO_MANY_WRITES : TO_ONE_WRITES;
        for (const [operation, inner] of Object.entries(value)) {
          if (!allowed.includes(operation)) refuse(`${path}.${name}.${operation}`);
          if (operation === "create") this.data(relation.target, inner, `${path}.${name}.create`);
          if (["connect", "disconnect", "set"].includes(operation) && typeof inner === "object") {
            for (const one of [inner].flat()) this.where(relation.target, one, `${path}.${name}.${operation}`);
          }
        }
      }
    }
  }

  arguments(key, operation, args, path, allowed = ARGUMENTS[operation]) {
    for (const [name, value] of Object.entries(args ?? {})) {
      if (!allowed.includes(name)) refuse(`${path}: ${operation} takes ${allowed.join(", ")}, not ${name}`);
      if (name === "where" || name === "cursor") this.where(key, value, `${path}.${name}`);
      if (name === "include" || name === "select") this.shape(key, value, `${path}.${name}`);
      if (name === "data" || name === "create" || name === "update") this.data(key, value, `${path}.${name}`);
    }
  }
}

/**
 * A client with VibORM's documented API over `schema` (relplay's VibORM `schema` export), whose
 * calls Prisma Client `prisma` carries out.
 */
export function vibormClient(schema, prisma) {
  const checker = new Checker(describeSchema(schema));
  return new Proxy(
    {},
    {
      get(_, key) {
        if (typeof key !== "string" || !checker.models[key]) refuse(`client.${String(key)}: the schema has no model ${String(key)}`);
        return new Proxy(
          {},
          {
            get(_, operation) {
              if (!ARGUMENTS[operation]) refuse(`client.${key}.${String(operation)}`);
              return async (args) => {
                checker.arguments(key, operation, args, `client.${key}.${operation}`);
                return prisma[key][operation](args);
              };
            },
          },
        );
      },
    },
  );
}
