// Runs TypeORM entity code that people wrote (not relplay's output) under the real TypeORM:
// every file compiled by the TypeScript compiler with `emitDecoratorMetadata` (TypeORM reads a
// column's type from the design-time metadata it emits; esbuild emits none), imports between the
// files kept, imports of TypeORM's own sources (`../../src/…`, in TypeORM's test entities) sent
// to the `typeorm` package, and imports of any other package (class-validator, bcrypt, NestJS)
// replaced by a permissive stub whose every export is a no-op decorator, function or class.
import { createRequire } from "node:module";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { repoRoot } from "./relplay.mjs";
import { freshDatabase, synchronizeTypeorm } from "./orm-databases.mjs";

const require = createRequire(import.meta.url);
const ts = require("typescript");

/** The code files of an entity folder, relative paths in order. */
export function codeFiles(dir) {
  const files = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|js)$/.test(name) && !name.endsWith(".d.ts")) files.push(relative(dir, path));
    }
  };
  walk(dir);
  return files;
}

// Calling a stub export gives the stub back, except when it is applied as a decorator, where it
// gives nothing so that the class stays itself: a class decorator gets one class (a function with
// a prototype; an arrow function passed to a decorator factory has none), a member decorator a
// prototype and a member name.
const STUB = `"use strict";
const applied = (args) =>
  (args.length === 1 && typeof args[0] === "function" && args[0].prototype !== undefined) ||
  (args.length >= 2 && typeof args[0] === "object" && args[0] !== null && ["string", "symbol", "undefined"].includes(typeof args[1]));
const stub = new Proxy(function () {}, {
  get: (_, key) => (key === "__esModule" ? false : key === "default" ? stub : key === Symbol.toPrimitive ? () => "" : stub),
  apply: (_, __, args) => (applied(args) ? undefined : stub),
  construct: () => ({}),
});
module.exports = stub;
`;

let builds = 0;

/**
 * Compiles the folder `dir` into CommonJS under target/conformance and returns the loaded modules.
 * `packages` maps a package name to a module written into the build's own node_modules (a shim).
 */
export function loadEntityCode(name, dir, packages = {}, sourcePackage = "typeorm") {
  const out = join(repoRoot, "target/conformance/orm-source", `${name}-${process.pid}-${builds++}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "package.json"), '{ "type": "commonjs" }\n');
  writeFileSync(join(out, "stub.js"), STUB);
  for (const [pkg, code] of Object.entries(packages)) {
    mkdirSync(join(out, "node_modules", pkg), { recursive: true });
    writeFileSync(join(out, "node_modules", pkg, "index.js"), code);
  }
  const files = codeFiles(dir);
  const local = new Set(files.map((f) => f.replace(/\.(ts|js)$/, "")));
  for (const file of files) {
    const source = readFileSync(join(dir, file), "utf8");
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2021,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        esModuleInterop: true,
        useDefineForClassFields: false,
      },
    });
    const stubPath = relative(dirname(join(out, file)), join(out, "stub.js")).replace(/^(?!\.)/, "./");
    // Either quote: TypeScript writes its own requires with double quotes, and leaves a JavaScript
    // file's as written.
    const code = outputText.replace(/require\((["'])([^"']+)\1\)/g, (whole, _quote, specifier) => {
      if (specifier === "typeorm" || specifier === "reflect-metadata" || specifier === "sequelize-typescript" || specifier in packages) return whole;
      if (/^node:|^(fs|path|util|os|url)$/.test(specifier)) return whole;
      if (specifier.startsWith(".")) {
        const target = join(dirname(file), specifier).replace(/\\/g, "/");
        if (local.has(target) || local.has(`${target}/index`)) return whole;
        if (/(^|\/)src(\/|$)/.test(specifier)) return `require("${sourcePackage}")`;
      }
      return `require("${stubPath}")`;
    });
    const path = join(out, file.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, code);
  }
  require("reflect-metadata");
  return files.map((file) => require(join(out, file.replace(/\.ts$/, ".js"))));
}

/** Every class the modules export, for `new DataSource({ entities })` (TypeORM keeps the `@Entity` ones). */
function exportedClasses(modules) {
  const classes = new Set();
  for (const module of modules) for (const value of Object.values(module)) if (typeof value === "function") classes.add(value);
  return [...classes];
}

/** TypeORM's `synchronize` of the entity code in `dir` on a fresh database; the database's shape. */
export async function typeormShapeOfCode(name, dir, dialect, servers) {
  const { DataSource } = require("typeorm");
  const entities = exportedClasses(loadEntityCode(name, dir));
  const database = await freshDatabase(dialect, `${name}_tsrc`, servers);
  const { dataSource, shape } = await synchronizeTypeorm(DataSource, entities, dialect, database);
  try {
    return await shape();
  } finally {
    await dataSource.destroy();
  }
}
