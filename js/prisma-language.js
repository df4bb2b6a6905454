// The Prisma schema language in the editor, as a CodeMirror stream language: highlighting,
// indentation inside blocks, and completion (js/prisma-completion.js). Editing help only:
// relplay's real parser lives in the Rust core.
import { LanguageSupport, StreamLanguage } from "@codemirror/language";
import { prismaCompletions } from "./prisma-completion.js";

const BLOCK_KEYWORDS = new Set(["model", "enum", "datasource", "generator", "view", "type"]);
const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes", "Unsupported"]);

export const prismaLanguage = StreamLanguage.define({
  name: "prisma",
  startState: () => ({ afterKeyword: false, depth: 0 }),
  token(stream, state) {
    if (stream.eatSpace()) return null;
    if (stream.match("///")) { stream.skipToEnd(); return "docComment"; }
    if (stream.match("//")) { stream.skipToEnd(); return "lineComment"; }
    if (stream.match(/^"(?:[^"\\\n]|\\.)*"?/)) return "string";
    if (stream.match(/^@@?[A-Za-z_][\w.]*/)) return "attributeName";
    if (stream.match(/^-?\d+(\.\d+)?/)) return "number";
    const word = stream.match(/^[A-Za-z_][\w-]*/);
    if (word) {
      const text = word[0];
      if (state.afterKeyword) { state.afterKeyword = false; return "typeName definition"; }
      if (BLOCK_KEYWORDS.has(text) && stream.column() === 0 + stream.indentation()) { state.afterKeyword = true; return "keyword"; }
      if (SCALARS.has(text)) return "typeName";
      if (/^[A-Z]/.test(text)) return "className";
      if (text === "true" || text === "false") return "bool";
      return "propertyName";
    }
    const character = stream.next();
    if (character === "{") state.depth += 1;
    if (character === "}") state.depth = Math.max(state.depth - 1, 0);
    return "punctuation";
  },
  // Inside a block, one unit in; a line that starts with `}` back out.
  indent(state, textAfter, context) {
    return Math.max(state.depth - (/^\s*\}/.test(textAfter) ? 1 : 0), 0) * context.unit;
  },
  languageData: { commentTokens: { line: "//" }, indentOnInput: /^\s*\}$/ },
});

/** The language with its completion. */
export const prisma = () => new LanguageSupport(prismaLanguage, prismaLanguage.data.of({ autocomplete: prismaCompletions }));
