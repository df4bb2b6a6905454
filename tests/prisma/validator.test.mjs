// Prisma's real validator judges relplay: every Prisma schema relplay writes must be valid Prisma,
// and relplay's verdict (valid or not) on every fixture must be Prisma's verdict.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, basename, resolve } from "node:path";
import { relplay, relplayOk, validSchemas, oneSidedSchemas, corpusPrismaSchemas, repoRoot } from "../support/relplay.mjs";
import { prisma6Validate, prismaDmmf, prismaValidate, withoutConnectionUrls } from "../support/prisma-validator.mjs";

describe("relplay's Prisma output is accepted by Prisma", () => {
  for (const { file, name } of validSchemas()) {
    test(name, () => {
      const run = relplay(["convert", file, "--to", "prisma"]);
      assert.equal(run.status, 0, run.stderr);
      const verdict = prismaValidate(run.stdout);
      assert.ok(verdict.valid, `Prisma rejects relplay's output:\n${verdict.message}\n--- output ---\n${run.stdout}`);
    });
  }
});

describe("relplay's Prisma 6 output (convert --prisma 6) is accepted by Prisma 6, and by relplay's Prisma 6 rules", () => {
  for (const { file, name } of validSchemas()) {
    test(name, () => {
      const run = relplay(["convert", file, "--to", "prisma", "--prisma", "6"]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /url\s+= env\("DATABASE_URL"\)/);
      const verdict = prisma6Validate(run.stdout);
      assert.ok(verdict.valid, `Prisma 6 rejects relplay's output:\n${verdict.message}\n--- output ---\n${run.stdout}`);
      assert.equal(relplay(["check", "--prisma", "6", "-", "--from", "prisma"], run.stdout).status, 0);
    });
  }
});

describe("relations written on one side only: Prisma rejects the source, accepts relplay's --force output", () => {
  const schemas = oneSidedSchemas();
  test("the one-sided fixtures are there", () => assert.ok(schemas.length >= 3, schemas.map((s) => s.name).join(", ")));
  for (const { file, name } of schemas) {
    test(name, () => {
      assert.equal(prismaValidate(readFileSync(file, "utf8")).valid, false, "the fixture should be invalid Prisma");
      const run = relplay(["convert", file, "--to", "prisma", "--force"]);
      assert.equal(run.status, 0, run.stderr);
      const verdict = prismaValidate(run.stdout);
      assert.ok(verdict.valid, `Prisma rejects relplay's output:\n${verdict.message}\n--- output ---\n${run.stdout}`);
    });
  }
});

describe("relplay and Prisma agree on which schemas are valid", () => {
  const ruleFolders = readdirSync(join(repoRoot, "core/tests/fixtures/rules")).sort().map((code) => `core/tests/fixtures/rules/${code}`);
  const folders = ["examples", "core/tests/fixtures/valid", "core/tests/fixtures/invalid", "core/tests/fixtures/one-sided", ...ruleFolders];
  for (const folder of folders) {
    for (const name of readdirSync(resolve(repoRoot, folder)).filter((f) => f.endsWith(".prisma")).sort()) {
      const file = resolve(repoRoot, folder, name);
      test(`${folder.startsWith("/") ? basename(folder) : folder}/${name}`, () => {
        const ours = relplay(["check", file]);
        const prisma = prismaValidate(withoutConnectionUrls(readFileSync(file, "utf8")));
        assert.equal(ours.status === 0, prisma.valid,
          `relplay says ${ours.status === 0 ? "valid" : "invalid"}, Prisma says ${prisma.valid ? "valid" : "invalid"}\n` +
          `relplay:\n${ours.stdout}\nPrisma:\n${prisma.message}`);
      });
    }
  }
});

describe("relplay and Prisma 7 agree on every schema of the real-world corpus", () => {
  const schemas = corpusPrismaSchemas();
  test("the corpus holds at least 30 Prisma schemas, three of them MongoDB", () => {
    assert.ok(schemas.length >= 30, `${schemas.length} schemas`);
    assert.ok(schemas.filter((s) => s.mongodb).length >= 3);
  });
  for (const { file, name, files } of schemas) {
    test(name, () => {
      const ours = relplay(["check", file]);
      const prisma = prismaValidate(files.map(([path, text]) => [path, withoutConnectionUrls(text)]));
      assert.equal(ours.status === 0, prisma.valid,
        `relplay says ${ours.status === 0 ? "valid" : "invalid"}, Prisma says ${prisma.valid ? "valid" : "invalid"}\n` +
        `relplay:\n${ours.stdout}\nPrisma:\n${prisma.message}`);
    });
  }
});

test("the User/Profile example keeps UNIQUE on the foreign key and Prisma accepts it", () => {
  const file = join(repoRoot, "examples/user-profile.prisma");
  const prismaText = relplayOk(["convert", file, "--to", "prisma"]);
  assert.match(prismaText, /userId\s+Int\s+@unique/);
  assert.ok(prismaValidate(prismaText).valid);
  const sql = relplayOk(["convert", file, "--to", "sql", "--dialect", "postgresql"]);
  assert.match(sql, /CONSTRAINT "Profile_userId_key" UNIQUE \("userId"\)/);
});

describe("MongoDB's composite types come through relplay's Prisma as Prisma reads them", () => {
  // Prisma's own reading (its DMMF) of each composite type, and of each model's fields that embed one.
  const embedded = (schema) => {
    const { datamodel } = prismaDmmf(schema);
    const shape = (fields) => fields.map(({ name, dbName, type, kind, isList, isRequired, hasDefaultValue, isUnique }) =>
      ({ name, dbName, type, kind, isList, isRequired, hasDefaultValue, isUnique })).sort((a, b) => a.name.localeCompare(b.name));
    return {
      types: datamodel.types.map((t) => ({ name: t.name, fields: shape(t.fields) })).sort((a, b) => a.name.localeCompare(b.name)),
      embeds: datamodel.models.flatMap((m) => m.fields.filter((f) => f.kind === "object" && datamodel.types.some((t) => t.name === f.type))
        .map((f) => `${m.name}.${f.name}: ${f.type}${f.isList ? "[]" : f.isRequired ? "" : "?"} ${f.dbName ?? ""}${f.isId ? " @id" : ""}`)).sort(),
      indexes: datamodel.indexes.filter((i) => i.fields.some((f) => f.name.includes("."))).map((i) => `${i.model} ${i.type} ${i.fields.map((f) => f.name).join(",")}`).sort(),
    };
  };
  const withTypes = corpusPrismaSchemas().filter((s) => s.mongodb && s.files.some(([, text]) => /^type\s/m.test(text)));
  test("the corpus has a MongoDB schema with composite types", () => assert.ok(withTypes.length >= 1));
  const rustConstant = (name) => readFileSync(join(repoRoot, "core/tests/composite_types.rs"), "utf8").split(`const ${name}: &str = r#"`)[1].split('"#;')[0];
  const shop = ["shop.prisma", rustConstant("SHOP")];
  const shipments = ["shipments.prisma", rustConstant("SHIPMENTS")];
  for (const { name, files } of [...withTypes, { name: "composite_types.rs's SHOP", files: [shop] }, { name: "composite_types.rs's SHIPMENTS (a composite id)", files: [shipments] }]) {
    test(name, () => {
      const source = files.map(([path, text]) => [path, withoutConnectionUrls(text)]);
      const run = relplay(["convert", "-", "--from", "prisma", "--to", "prisma"], source[0][1]);
      assert.equal(run.status, 0, run.stderr);
      const expected = embedded(source[0][1]);
      assert.ok(expected.types.length > 0);
      assert.deepEqual(embedded(run.stdout), expected);
    });
  }
});
