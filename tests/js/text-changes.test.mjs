// js/text-changes.js: the changes it gives turn the old text into the new one, in order, and a
// rename touches only the lines that hold the name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { textChanges } from "../../js/text-changes.js";

const apply = (old, changes) => {
  let out = "";
  let at = 0;
  for (const change of changes) {
    assert.ok(change.from >= at && change.to >= change.from, `changes out of order: ${JSON.stringify(changes)}`);
    out += old.slice(at, change.from) + change.insert;
    at = change.to;
  }
  return out + old.slice(at);
};

test("the changes rebuild the new text, for random pairs of texts", () => {
  let seed = 7;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ["a\n", "b\n", "c\n", "dd\n", "model X {\n", "}\n", "", "x", "\n", "é", "😀\n"];
  for (let round = 0; round < 20000; round++) {
    const text = () => Array.from({ length: random(14) }, () => pieces[random(pieces.length)]).join("");
    const old = text();
    const edited = random(3) ? old.split("\n").map((line) => (random(4) ? line : `${line}Q`)).join("\n") : text();
    assert.equal(apply(old, textChanges(old, edited)), edited, JSON.stringify({ old, edited }));
  }
});

test("renaming a model changes only the lines that name it", () => {
  const tables = Array.from({ length: 3000 }, (_, i) => `CREATE TABLE "T${i}" ("userId" INT REFERENCES ${i % 500 === 0 ? '"User"' : '"Other"'} ("id"));\n`);
  const old = tables.join("");
  const renamed = old.replaceAll('"User"', '"Member"');
  const changes = textChanges(old, renamed);
  assert.equal(apply(old, changes), renamed);
  assert.equal(changes.length, 6);
  for (const change of changes) assert.match(change.insert, /^CREATE TABLE "T\d+" \("userId" INT REFERENCES "Member" \("id"\)\);\n$/);
});

test("no change for the same text; one change when nearly every line differs", () => {
  assert.deepEqual(textChanges("a\nb\n", "a\nb\n"), []);
  const old = Array.from({ length: 2000 }, (_, i) => `${i}\n`).join("");
  const changed = Array.from({ length: 2000 }, (_, i) => `${i}!\n`).join("");
  assert.deepEqual(textChanges(old, changed), [{ from: 0, to: old.length, insert: changed }]);
});
