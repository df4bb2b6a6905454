// Syntax highlighting for the Prisma schema language, as a CodeMirror stream language.
// Highlighting only: relplay's real parser lives in the Rust core.
import { StreamLanguage } from "@codemirror/language";

const BLOCK_KEYWORDS = new Set(["model", "enum", "datasource", "generator", "view", "type"]);
const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes", "Unsupported"]);

export const prismaLanguage = StreamLanguage.define({
  name: "prisma",
  startState: () => ({ afterKeyword: false }),
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
    stream.next();
    return "punctuation";
  },
  languageData: { commentTokens: { line: "//" } },
});
