// relplay's VibORM output, both API forms, run against a stand-in for VibORM's schema API (VibORM
// is not on npm; see tests/support/viborm-model.mjs): the code must use only documented builder
// methods with valid arguments, and the tables VibORM's documented rules derive from it must be
// the IR's.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { relplay, ormSchemas, repoRoot } from "../support/relplay.mjs";
import { expectedShape, compareShapes } from "../support/expected-shape.mjs";
import { databaseShape } from "../support/viborm-model.mjs";
import { importGenerated } from "../support/generated-module.mjs";

const stand_in = pathToFileURL(join(repoRoot, "tests/support/viborm-model.mjs")).href;

/** Imports relplay's VibORM module with `viborm` replaced by the stand-in. */
const load = (source) => importGenerated("viborm", source.replace(/from "viborm"/, `from ${JSON.stringify(stand_in)}`), true);

/**
 * What VibORM can express of the IR: it has no SET DEFAULT (the action keeps VibORM's default:
 * SetNull/Restrict on delete, NoAction on update) and no relation mode without foreign keys.
 * Column types are not compared: the stand-in holds VibORM's documented API and the tables it
 * describes, not the database types VibORM would choose.
 */
function vibormExpectation(ir) {
  const shape = expectedShape({ ...ir, relation_mode: "foreign_keys" }, "postgresql");
  for (const table of Object.values(shape)) for (const column of Object.values(table.columns)) delete column.type;
  for (const relation of ir.relations) {
    const fk = relation.foreign_key;
    if (!fk) continue;
    const owner = ir.entities.find((e) => e.name === fk.entity);
    const columns = fk.fields.map((f) => owner.fields.find((x) => x.name === f).column).join(",");
    const entry = shape[owner.table].foreignKeys.find((f) => f.columns.join(",") === columns);
    if (entry.onDelete === "SET DEFAULT") entry.onDelete = fk.required ? "RESTRICT" : "SET NULL";
    if (entry.onUpdate === "SET DEFAULT") entry.onUpdate = "NO ACTION";
  }
  return shape;
}

for (const { file, name, force } of ormSchemas()) {
  describe(name, () => {
    for (const api of ["builder", "config-first"]) {
      test(`VibORM ${api}: documented API only, tables as the IR says`, async () => {
        const extra = force ? ["--force"] : [];
        const ir = JSON.parse(relplay(["convert", file, "--to", "json", ...extra]).stdout);
        const { stdout, status, stderr } = relplay(["convert", file, "--to", "viborm", "--api", api, ...extra]);
        assert.equal(status, 0, stderr);
        const { schema } = await load(stdout);
        const differences = compareShapes(vibormExpectation(ir), databaseShape(schema), "postgresql");
        assert.deepEqual(differences, [], `${differences.join("\n")}\n--- VibORM output ---\n${stdout}`);
      });
    }
  });
}

test("the stand-in rejects what VibORM does not have", async () => {
  const { s } = await import(stand_in);
  assert.throws(() => s.oneToMany(() => null).fields("x"), /does not exist on s.oneToMany/);
  assert.throws(() => s.manyToOne(() => null).onDelete("setDefault"), /takes one of/);
  assert.throws(() => s.boolean().increment(), /does not exist on s.boolean/);
  // A one-to-one whose FK is not unique is refused, as VibORM's rule FK008 does.
  const output = relplay(["convert", join(repoRoot, "examples/user-profile.prisma"), "--to", "viborm"]).stdout;
  const { schema } = await load(output.replace("userId: s.int().unique()", "userId: s.int()"));
  assert.throws(() => databaseShape(schema), /FK008/);
});
