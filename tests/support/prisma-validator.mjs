// Prisma's own schema validator (the WebAssembly build of prisma-fmt), offline.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const prismaSchemaWasm = require("@prisma/prisma-schema-wasm");
/** Prisma 6's validator (6.19, installed under an npm alias beside Prisma 7's). */
const prisma6SchemaWasm = require("prisma-schema-wasm-6");

/** A schema as Prisma's validator takes it: one text, or [file name, text] pairs of a folder. */
function schemaFiles(schema) {
  return typeof schema === "string" ? [["schema.prisma", schema]] : schema;
}

/** Prisma's verdict on a schema (a text, or the [name, text] files of a folder): { valid, message }. */
export function prismaValidate(schema, validator = prismaSchemaWasm) {
  try {
    validator.validate(JSON.stringify({ prismaSchema: schemaFiles(schema), noColor: true }));
    return { valid: true, message: "" };
  } catch (error) {
    const text = String(error?.message ?? error);
    try {
      return { valid: false, message: JSON.parse(text).message };
    } catch {
      return { valid: false, message: text };
    }
  }
}

/**
 * Prisma 7 no longer reads connection URLs from the schema and rejects `url`/`directUrl` lines;
 * schemas written for Prisma 6 (such as the corpus's documenso) still carry them.
 */
export function withoutConnectionUrls(schema) {
  return schema.replace(/^\s*(url|directUrl|shadowDatabaseUrl)\s*=.*$/gm, "");
}

/** Prisma 6's verdict, as [`prismaValidate`] gives Prisma 7's. */
export function prisma6Validate(schema) {
  return prismaValidate(schema, prisma6SchemaWasm);
}

/** Prisma 6's lint warnings, as [`prismaWarnings`] gives Prisma 7's. */
export function prisma6Warnings(schema) {
  return prismaWarnings(schema, prisma6SchemaWasm);
}

/** Prisma's lint warnings on a one-file schema: { line, text }, lines counted from 1. */
export function prismaWarnings(schema, validator = prismaSchemaWasm) {
  const found = JSON.parse(validator.lint(JSON.stringify([["schema.prisma", schema]])));
  return found.filter((d) => d.is_warning).map((d) => ({ line: schema.slice(0, d.start).split("\n").length, text: d.text }));
}

/** A Prisma schema without `schemas` and `@@schema`: every table in the database's default schema. */
export function withoutDatabaseSchemas(schema) {
  return schema.replace(/^\s*schemas\s*=.*\n/gm, "").replace(/^\s*@@schema\(.*\)\n/gm, "");
}

/** Prisma's DMMF (its parsed data model) of a valid schema. */
export function prismaDmmf(schema) {
  return JSON.parse(prismaSchemaWasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] })));
}

/** Prisma's own formatting of a one-file schema (what `prisma format` and its editor extension write). */
export function prismaFormat(schema) {
  const options = { textDocument: { uri: "file:/dev/null" }, options: { tabSize: 2, insertSpaces: true } };
  return JSON.parse(prismaSchemaWasm.format(JSON.stringify([["schema.prisma", schema]]), JSON.stringify(options)))[0][1];
}
