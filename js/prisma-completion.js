// Completion for the Prisma schema language in the editor: block keywords, field types (the
// scalars and the document's own models, enums and composite types), field and block attributes,
// @relation's arguments and referential actions, @default's functions, and field names inside
// `fields: [...]` (this model's scalars) and `references: [...]` (the related model's fields).
// Suggestions only, from the text around the cursor: what is valid is still the core's verdict.

const SCALARS = ["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"];
const BLOCKS = ["model", "enum", "datasource", "generator", "view", "type"];
const FIELD_ATTRIBUTES = [
  ["@id", "the primary key"], ["@unique", "a unique constraint"], ["@default()", "a default value"],
  ["@relation()", "the relation's fields, references and actions"], ["@map()", "the column's name"],
  ["@updatedAt", "set on every update"], ["@ignore", "left out of the client"],
];
const BLOCK_ATTRIBUTES = [
  ["@@id([])", "a composite primary key"], ["@@unique([])", "a composite unique constraint"],
  ["@@index([])", "an index"], ["@@map()", "the table's name"], ["@@ignore", "left out of the client"],
];
const RELATION_ARGUMENTS = ["fields: []", "references: []", "onDelete: ", "onUpdate: ", "name: ", "map: "];
const ACTIONS = ["Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"];
const DEFAULTS = ["autoincrement()", "now()", "uuid()", "cuid()", "nanoid()", "ulid()", "dbgenerated()", "true", "false"];

/** The names declared by `kind` blocks in the document (`model User {` → User). */
function declared(text, kinds) {
  const names = [];
  for (const match of text.matchAll(/^\s*(model|enum|type|view)\s+([A-Za-z_]\w*)/gm)) {
    if (kinds.includes(match[1])) names.push(match[2]);
  }
  return names;
}

/** The fields of the block named `name`, or of the block around `offset`: [{ name, type }]. */
function blockFields(text, { name, offset }) {
  let start;
  if (name !== undefined) {
    const match = new RegExp(`^\\s*(?:model|view|type)\\s+${name}\\s*\\{`, "m").exec(text);
    if (!match) return [];
    start = match.index + match[0].length;
  } else {
    start = text.lastIndexOf("{", offset) + 1;
    if (start === 0) return [];
  }
  const end = text.indexOf("}", start);
  const body = text.slice(start, end < 0 ? text.length : end);
  return [...body.matchAll(/^\s*([A-Za-z_]\w*)\s+([A-Za-z_]\w*)(\[\])?(\?)?/gm)].map((m) => ({ name: m[1], type: m[2], list: Boolean(m[3]) }));
}

/** Whether `offset` is inside a block (between a line that opens `{` and its `}`). */
function insideBlock(text, offset) {
  const before = text.slice(0, offset);
  return before.lastIndexOf("{") > before.lastIndexOf("}");
}

/** Inserts an attribute or argument with the cursor inside its brackets (`@relation(|)`, `fields: [|]`). */
function insideBrackets(view, completion, from, to) {
  const label = completion.label;
  const back = label.endsWith("([])") ? 2 : label.endsWith("()") || label.endsWith("[]") ? 1 : 0;
  view.dispatch({ changes: { from, to, insert: label }, selection: { anchor: from + label.length - back } });
}

export function prismaCompletions(context) {
  const text = context.state.doc.toString();
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const word = context.matchBefore(/@{0,2}[\w.]*/);
  const from = word ? word.from : context.pos;
  const options = (labels, type, detail) => labels.map((label) => (Array.isArray(label)
    ? { label: label[0], type, detail: label[1], apply: insideBrackets }
    : { label, type, detail, ...(/[\])]$/.test(label) && type === "keyword" ? { apply: insideBrackets } : {}) }));
  const result = (list) => (list.length ? { from, options: list, validFor: /^@{0,2}[\w.]*$/ } : null);

  // Inside `fields: [...]` or `references: [...]` of an @relation.
  const list = /\b(fields|references)\s*:\s*\[([^\]]*)$/.exec(before);
  if (list) {
    const fields = blockFields(text, { offset: context.pos });
    if (list[1] === "fields") {
      const models = new Set(declared(text, ["model", "view", "type"]));
      return result(options(fields.filter((f) => !models.has(f.type)).map((f) => f.name), "property", "a field of this model"));
    }
    const type = /^\s*[A-Za-z_]\w*\s+([A-Za-z_]\w*)/.exec(line.text)?.[1];
    const related = type ? blockFields(text, { name: type }) : [];
    const models = new Set(declared(text, ["model", "view", "type"]));
    return result(options(related.filter((f) => !models.has(f.type)).map((f) => f.name), "property", `a field of ${type}`));
  }
  if (/\b(onDelete|onUpdate)\s*:\s*\w*$/.test(before)) return result(options(ACTIONS, "enum", "referential action"));
  const relation = /@relation\(([^)]*)$/.exec(before);
  if (relation) {
    // A new argument (not inside a value already begun).
    const argument = relation[1].split(",").pop();
    return argument.includes(":") || argument.includes('"') ? null : result(options(RELATION_ARGUMENTS, "keyword", "@relation argument"));
  }
  if (/@default\(\w*$/.test(before)) return result(options(DEFAULTS, "function", "default value"));
  if (!insideBlock(text, context.pos)) {
    // A new block at the start of a line.
    if (/^\w*$/.test(before)) return result(options(BLOCKS, "keyword", "block"));
    return null;
  }
  if (/^\s*@@\w*$/.test(before)) return result(options(BLOCK_ATTRIBUTES, "keyword", "block attribute"));
  // After a field's type: its attributes.
  if (/^\s*[A-Za-z_]\w*\s+[A-Za-z_]\w*(\[\])?\??(\s+.*)?\s@?\w*$/.test(before) && (word?.text.startsWith("@") || context.explicit)) {
    return result(options(FIELD_ATTRIBUTES, "keyword", "field attribute"));
  }
  // The type of a field: after its name.
  if (/^\s*[A-Za-z_]\w*\s+\w*$/.test(before)) {
    const types = [...SCALARS.map((s) => [s, "scalar"]), ...declared(text, ["model", "view", "type"]).map((m) => [m, "model"]), ...declared(text, ["enum"]).map((e) => [e, "enum"])];
    return result(options(types, "type"));
  }
  if (context.explicit && /^\s*@?\w*$/.test(before)) return result(options(BLOCK_ATTRIBUTES, "keyword", "block attribute"));
  return null;
}
