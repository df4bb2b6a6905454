// The JavaScript side of relplay: CodeMirror 6 editors for the Rust (wasm) app.
// Everything is exposed on `window.relplayEditor`; the app reaches it only through src/interop.
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, hoverTooltip } from "@codemirror/view";
import { EditorState, Compartment, Annotation } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from "@codemirror/commands";
import { bracketMatching, indentOnInput, syntaxHighlighting, HighlightStyle, LanguageSupport } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { lintGutter, setDiagnostics, diagnosticCount, lintKeymap } from "@codemirror/lint";
import { prisma } from "./prisma-language.js";
import { textChanges } from "./text-changes.js";
import "./browser.js";
import "./diagram.js";
import "./core-client.js";

// Marks transactions made by relplay itself, so they are not taken for the user's cursor moves.
const fromRelplay = Annotation.define();

// Highlighting per editor language. Prisma and plain text are in this bundle; SQL,
// JavaScript/TypeScript and JSON, which a first visit to the default Prisma example does not show,
// are chunks of their own (static/editor/chunks/), fetched the first time an editor shows them.
const loadSql = () => import("@codemirror/lang-sql");
const loadJson = () => import("@codemirror/lang-json");
const loadJavascript = () => import("@codemirror/lang-javascript");
const languageOf = {
  prisma: () => prisma(),
  postgresql: async () => sqlWithReferences(await loadSql(), "PostgreSQL"),
  mysql: async () => sqlWithReferences(await loadSql(), "MySQL"),
  sqlite: async () => sqlWithReferences(await loadSql(), "SQLite"),
  json: async () => reusable((await loadJson()).json()),
  typescript: async () => reusable((await loadJavascript()).javascript({ typescript: true })),
  javascript: async () => reusable((await loadJavascript()).javascript()),
  text: () => [],
};

/**
 * A Lezer-parsed language whose syntax tree an edit can reuse in smaller pieces. Lezer packs
 * subtrees of up to 1,024 nodes into flat buffers that a change cannot reuse in part, so a changed
 * line re-parses its whole class or table; a new output changes lines all through the text (a
 * renamed model appears in every relation to it), and that parse happens in the transaction that
 * shows it. Re-parsing documenso's TypeORM output after a rename (19 changed places), median of
 * 41 in Node, each length in a process of its own: 11.3 ms with buffers of 1,024 nodes, 4.4 with
 * 256, 3.1–3.4 with 128, 3.2 with 64; the 1,000-model schema's (650 KB, 9 places): 7.9, 5.3, 4.6,
 * 4.8. A whole parse costs the same down to 128 nodes and more below (318 ms instead of 296–307
 * for the 650 KB). (tests/bench/lezer-buffers.mjs)
 */
function reusable(support) {
  return new LanguageSupport(support.language.configure({ bufferLength: 128 }), support.support);
}

// Search (Ctrl+F, and the selection's other occurrences marked), completion and the closing of
// brackets are a chunk of their own too: an editor loads it when it is first focused, or when a
// key asks for search or completion before that, so a first visit does not fetch it.
let extrasModules;
const loadExtras = () =>
  (extrasModules ??= Promise.all([import("@codemirror/search"), import("@codemirror/autocomplete")]).then(([search, complete]) => ({ search, complete })));

/** What an editor has from the extras chunk: all of it where it is editable, search where not. */
function extrasOf({ search, complete }, editable) {
  if (!editable) return [search.highlightSelectionMatches(), keymap.of(search.searchKeymap)];
  return [
    complete.closeBrackets(), search.highlightSelectionMatches(),
    // Completion from the language (Prisma's: js/prisma-completion.js); Ctrl+Space asks for it.
    complete.autocompletion(),
    keymap.of([...complete.closeBracketsKeymap, ...complete.completionKeymap, ...search.searchKeymap]),
  ];
}

/** Loads the extras into `view` (once), then runs `then` with the modules. */
function withExtras(view, then) {
  loadExtras().then((modules) => {
    const slot = view.relplay?.extrasSlot;
    if (slot && !view.relplay.extrasLoaded) {
      view.relplay.extrasLoaded = true;
      view.dispatch({ effects: slot.reconfigure(extrasOf(modules, !view.state.readOnly)) });
      // Typing that came before them: completion then opens as if it had been there.
      if (view.relplay.typedBeforeExtras && view.hasFocus && !view.state.readOnly) modules.complete.startCompletion(view);
    }
    then?.(modules);
  });
}

/**
 * Until the extras are loaded: the keys that ask for them load them, and so do the pointer coming
 * over the editor and its focus (so they are there by the first keystroke, as a rule).
 */
const extrasOnDemand = [
  keymap.of([
    { key: "Mod-f", run: (view) => (withExtras(view, ({ search }) => search.openSearchPanel(view)), true) },
    { key: "Ctrl-Space", run: (view) => (withExtras(view, ({ complete }) => complete.startCompletion(view)), !view.state.readOnly) },
  ]),
  EditorView.domEventHandlers({
    focus: (_event, view) => (withExtras(view), false),
    pointerover: (_event, view) => (withExtras(view), false),
    touchstart: (_event, view) => (withExtras(view), false),
  }),
  EditorView.updateListener.of((update) => {
    if (update.docChanged && update.transactions.some((t) => t.isUserEvent("input"))) update.view.relplay.typedBeforeExtras = true;
  }),
];

/** Resolves once `view` has its extras (tests wait for it before they type for completion). */
function extrasReady(view) {
  return new Promise((resolve) => withExtras(view, () => resolve(true)));
}

/** SQL in `dialect`, with the completion of `REFERENCES` (its language's data, so only SQL asks it). */
function sqlWithReferences(module, dialect) {
  const support = reusable(module.sql({ dialect: module[dialect] }));
  return [support, support.language.data.of({ autocomplete: referencesCompletion })];
}

/**
 * Gives `view` the highlighting of `language` in its language compartment: at once when it is in
 * this bundle, else when its chunk has loaded (unless the view changed language meanwhile; a
 * chunk that cannot be fetched leaves the text unhighlighted).
 */
function applyLanguage(view, language) {
  view.relplay.language = language;
  const extension = (languageOf[language] || languageOf.text)();
  if (!(extension instanceof Promise)) {
    view.dispatch({ effects: view.relplay.languageSlot.reconfigure(extension) });
    return;
  }
  extension.then(
    (loaded) => {
      if (view.relplay.language === language) view.dispatch({ effects: view.relplay.languageSlot.reconfigure(loaded) });
    },
    () => {},
  );
}

// Syntax colours come from CSS custom properties (static/app.css), so light and dark themes
// both stay legible.
const relplayHighlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.modifier], color: "var(--syntax-keyword)" },
  { tag: [tags.typeName, tags.className, tags.definition(tags.typeName)], color: "var(--syntax-type)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--syntax-string)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--syntax-number)" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment, tags.docComment], color: "var(--syntax-comment)", fontStyle: "italic" },
  { tag: [tags.attributeName, tags.meta], color: "var(--syntax-attribute)" },
  { tag: [tags.propertyName, tags.variableName], color: "var(--syntax-property)" },
  { tag: [tags.punctuation, tags.bracket, tags.operator], color: "var(--syntax-punctuation)" },
]);

const baseTheme = EditorView.theme({
  "&": { height: "100%", fontSize: "13px" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", lineHeight: "1.5" },
  ".cm-gutters": { backgroundColor: "var(--gutter-bg)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-content": { caretColor: "var(--text)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--text)" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)" },
  // CodeMirror's own selection colours are a light grey, which the dark scheme's light text does
  // not read on (a model selected in the diagram is selected in the editor).
  "& .cm-selectionLayer .cm-selectionBackground": { background: "var(--selection)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground": { background: "var(--selection-focused)" },
  ".cm-tooltip": { backgroundColor: "var(--panel)", color: "var(--text)", border: "1px solid var(--border)" },
  ".cm-diagnostic-error": { borderLeftColor: "var(--error)" },
  ".cm-diagnostic-warning": { borderLeftColor: "var(--warning)" },
  ".cm-diagnosticAction": { backgroundColor: "var(--accent)", color: "var(--panel)", borderRadius: "4px" },
  ".cm-panels": { backgroundColor: "var(--panel)", color: "var(--text)" },
});

// The rules' documentation (static/rule-docs.json, written from the core's by a test), fetched the
// first time a diagnostic is shown: the page's wasm does not hold it, and a first visit to a valid
// schema never needs it. A failed fetch is tried again next time.
let ruleDocs;
function loadRuleDocs() {
  ruleDocs ??= fetch(new URL("rule-docs.json", document.baseURI))
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`rule docs: ${response.status}`))))
    .catch(() => ((ruleDocs = undefined), {}));
  return ruleDocs;
}

// The hover text of a diagnostic: its message, then the rule's documentation, folded (added when
// the documentation has come). Built with text nodes only: user text never becomes markup.
function renderMessage(d) {
  const root = document.createElement("div");
  root.className = "rp-tooltip";
  const message = document.createElement("div");
  message.textContent = d.message;
  root.appendChild(message);
  loadRuleDocs().then((docs) => {
    const doc = docs[d.code];
    if (!doc) return;
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = `${d.code} · ${doc.title}`;
    details.appendChild(summary);
    for (const [label, text] of [["Why it matters", doc.why_it_matters], ["Fix", doc.fix]]) {
      const paragraph = document.createElement("p");
      const strong = document.createElement("strong");
      strong.textContent = `${label}: `;
      paragraph.append(strong, text);
      details.appendChild(paragraph);
    }
    root.appendChild(details);
  });
  return root;
}

// The hover text of code that reads well (relplay_core::hover, located): a heading, lines, and
// the fix's button when it comes with one. Text nodes only: names from the schema stay text.
function renderHover(view, hover) {
  const root = document.createElement("div");
  // A hover with nothing to click lets the pointer through: it never stands between the user and
  // the code under it (moving onto it closes it). One with a fix takes the pointer, for its button.
  root.className = hover.fix ? "rp-tooltip rp-hover" : "rp-tooltip rp-hover rp-hover-passive";
  root.setAttribute("data-testid", "hover");
  const title = document.createElement("div");
  title.className = "rp-hover-title";
  title.textContent = hover.title;
  root.appendChild(title);
  for (const line of hover.lines) {
    const paragraph = document.createElement("p");
    paragraph.textContent = line;
    root.appendChild(paragraph);
  }
  if (hover.fix) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "cm-diagnosticAction";
    button.textContent = hover.fix.title;
    button.addEventListener("click", () => {
      api.applyEdits(view, hover.fix.edits);
      view.focus();
    });
    root.appendChild(button);
  }
  return root;
}

// A hover source that asks the core (through `onHover(offset, answer)`, which calls `answer`
// with a located hover or null) what the code under the pointer is.
function coreHover(onHover) {
  return hoverTooltip(
    (view, pos) =>
      new Promise((answer) => onHover(pos, answer)).then((hover) => {
        if (!hover) return null;
        const length = view.state.doc.length;
        const from = Math.min(hover.from, length);
        return { pos: from, end: Math.min(Math.max(hover.to, from), length), above: true, create: () => ({ dom: renderHover(view, hover) }) };
      }),
    { hoverTime: 350 },
  );
}

// Completion of table and column names in a SQL foreign key: after `REFERENCES ` the tables, inside
// `REFERENCES table (` that table's columns. The names come from the core's last reading of the
// script (`setCompletionTables`), so quoted names, pg_dump's `ALTER TABLE … ADD` columns and the
// like are exact; a name that needs quotes is inserted quoted, as the dialect quotes it.
const SQL_EDITORS = new Set(["postgresql", "mysql", "sqlite"]);
const QUOTED = /^[`"[]/;

function quoted(name, language) {
  if (/^[a-z_][a-z0-9_]*$/.test(name)) return name;
  return language === "mysql" ? `\`${name.replaceAll("`", "``")}\`` : `"${name.replaceAll('"', '""')}"`;
}

function unquoted(name) {
  return name.replace(/^[`"[]|[`"\]]$/g, "");
}

function referencesCompletion(context) {
  const view = context.view;
  const tables = view?.relplay?.tables;
  if (!tables || !SQL_EDITORS.has(view.relplay.language)) return null;
  const language = view.relplay.language;
  const before = context.state.sliceDoc(Math.max(0, context.pos - 500), context.pos);
  const name = String.raw`(?:"[^"]*"|\`[^\`]*\`|\[[^\]]*\]|[\w$.]+)`;
  const inColumns = new RegExp(String.raw`\bREFERENCES\s+(${name})\s*\(\s*(?:${name}\s*,\s*)*([\`"[]?[\w$]*)$`, "i").exec(before);
  if (inColumns) {
    const wanted = unquoted(inColumns[1]).split(".").pop();
    const table = tables.find((t) => t.name === wanted) ?? tables.find((t) => t.name.toLowerCase() === wanted.toLowerCase());
    if (!table) return null;
    const typed = inColumns[2];
    return {
      from: context.pos - typed.length,
      // Above SQL's keywords, which the dialect's own completion offers beside them.
      options: table.columns.map((column) => ({ label: quoted(column, language), type: "property", detail: `column of ${table.name}`, boost: 50 })),
      validFor: QUOTED.test(typed) ? undefined : /^[\w$]*$/,
    };
  }
  const inTable = /\bREFERENCES\s+([`"[]?[\w$.]*)$/i.exec(before);
  if (inTable) {
    const typed = inTable[1];
    return {
      from: context.pos - typed.length,
      options: tables.map((table) => ({ label: quoted(table.name, language), type: "class", detail: "table", boost: 50 })),
      validFor: QUOTED.test(typed) ? undefined : /^[\w$]*$/,
    };
  }
  return null;
}

// Turns relplay's located diagnostics into CodeMirror diagnostics, clamped to the document.
function toCodeMirror(view, diagnostics) {
  const length = view.state.doc.length;
  return diagnostics.map((d) => {
    const from = Math.min(d.from, length);
    const to = Math.min(Math.max(d.to, from), length);
    const result = {
      from, to, severity: d.severity === "info" ? "info" : d.severity, message: d.message, source: d.code,
      renderMessage: () => renderMessage(d),
    };
    if (d.fix) {
      result.actions = [{
        name: d.fix.title,
        apply(v) {
          const changes = d.fix.edits.map((e) => ({ from: Math.min(e.from, v.state.doc.length), to: Math.min(e.to, v.state.doc.length), insert: e.insert }));
          v.dispatch({ changes });
        },
      }];
    }
    return result;
  });
}

const api = {
  extrasReady,
  // The rules' documentation by code (`{ title, why_it_matters, fix, … }`), given to `then` once
  // fetched (the Problems pane's one-line summaries).
  ruleDocs(then) {
    loadRuleDocs().then((docs) => then(docs));
  },

  // An editable source editor. `onChange(text)` is called after every change to the document.
  // `onDefinition(offset)`: F12, or Ctrl/Cmd+click, asks to go to the definition of the word there.
  // `onHover(offset, answer)`: the pointer rests at `offset`; `answer(hover or null)` shows it.
  // `onFormat()`: Shift+Alt+F asks to lay the document out.
  createEditor(parent, doc, language, onChange, onCursor, onDefinition, onHover, onFormat) {
    const languageSlot = new Compartment();
    const readOnlySlot = new Compartment();
    const extrasSlot = new Compartment();
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc,
        extensions: [
          lineNumbers(), highlightActiveLineGutter(), history(), drawSelection(), indentOnInput(),
          bracketMatching(), highlightActiveLine(),
          syntaxHighlighting(relplayHighlight), lintGutter(),
          onHover ? coreHover(onHover) : [],
          // Before the keymap below, so that Enter takes a completion rather than a new line.
          extrasSlot.of(extrasOnDemand),
          keymap.of([
            { key: "F12", run: (v) => (onDefinition?.(v.state.selection.main.head), true) },
            { key: "Shift-Alt-f", run: () => (onFormat?.(), true) },
            ...defaultKeymap, ...historyKeymap, ...lintKeymap, indentWithTab,
          ]),
          EditorView.domEventHandlers({
            mousedown: (event, view) => {
              if (!(event.ctrlKey || event.metaKey)) return false;
              const position = view.posAtCoords({ x: event.clientX, y: event.clientY });
              if (position === null) return false;
              event.preventDefault();
              onDefinition?.(position);
              return true;
            },
          }),
          languageSlot.of([]),
          readOnlySlot.of(EditorState.readOnly.of(false)),
          baseTheme, EditorView.lineWrapping,
          // The pane's hint says how to leave the editor with the keyboard (Tab indents here).
          EditorView.contentAttributes.of({ "aria-label": "Schema source", "aria-describedby": "source-help", "data-testid": "source-editor", tabindex: "0" }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChange(update.state.doc.toString());
            // Cursor moves by the user (not by relplay's own highlight) select what is under them.
            if (update.selectionSet && !update.transactions.some((t) => t.annotation(fromRelplay)) && update.view.hasFocus) {
              onCursor?.(update.state.selection.main.head);
            }
          }),
        ],
      }),
    });
    view.relplay = { languageSlot, readOnlySlot, extrasSlot };
    applyLanguage(view, language);
    return view;
  },

  // A read-only view for generated output.
  createOutput(parent, language, onCursor) {
    const languageSlot = new Compartment();
    const extrasSlot = new Compartment();
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: "",
        extensions: [
          lineNumbers(), drawSelection(),
          syntaxHighlighting(relplayHighlight),
          extrasSlot.of(extrasOnDemand),
          keymap.of(defaultKeymap),
          languageSlot.of([]),
          EditorState.readOnly.of(true), EditorView.editable.of(false), baseTheme, EditorView.lineWrapping,
          EditorView.domEventHandlers({
            mouseup: (event, view) => {
              const position = view.posAtCoords({ x: event.clientX, y: event.clientY });
              if (position !== null) onCursor?.(position);
            },
          }),
          // Not editable, but focusable: keyboard users scroll it and select in it.
          EditorView.contentAttributes.of({ "aria-label": "Generated output", tabindex: "0" }),
        ],
      }),
    });
    view.relplay = { languageSlot, extrasSlot };
    applyLanguage(view, language);
    return view;
  },

  // Puts `text` in the editor, changing only the lines that differ (js/text-changes.js), so a
  // new output updates the document in place: the scroll position, folds and selection outside
  // the changes stay, and only the changed lines are parsed and drawn again.
  // A replacement is an undo step of its own (not merged with the typing or paste just before it).
  setText(view, text) {
    const changes = textChanges(view.state.doc.toString(), text);
    if (changes.length > 0) view.dispatch({ changes, annotations: isolateHistory.of("full") });
  },

  getText(view) {
    return view.state.doc.toString();
  },

  // The selected text of the editor inside `element`.
  selectionIn(element) {
    const view = api.viewIn(element);
    if (!view) return null;
    const { from, to } = view.state.selection.main;
    return view.state.sliceDoc(from, to);
  },

  // The editor view inside `element`.
  viewIn(element) {
    const editor = element.querySelector(".cm-editor");
    return editor ? EditorView.findFromDOM(editor) : null;
  },

  // The whole text of the editor inside `element` (CodeMirror only renders the visible lines).
  textIn(element) {
    return api.viewIn(element)?.state.doc.toString() ?? null;
  },

  setLanguage(view, language) {
    if (view.relplay.language !== language) applyLanguage(view, language);
  },

  setReadOnly(view, readOnly) {
    view.dispatch({ effects: view.relplay.readOnlySlot.reconfigure(EditorState.readOnly.of(readOnly)) });
  },

  // The tables and their columns that SQL completion offers: [{ name, columns }].
  setCompletionTables(view, tables) {
    view.relplay.tables = tables;
  },

  setDiagnostics(view, diagnostics) {
    // No problems before and none now (the usual answer while typing): nothing to redraw.
    if (diagnostics.length === 0 && diagnosticCount(view.state) === 0) return;
    view.dispatch(setDiagnostics(view.state, toCodeMirror(view, diagnostics)));
  },

  // Shows a range as selected and scrolls to it, without taking the focus.
  highlight(view, from, to) {
    const length = view.state.doc.length;
    const anchor = Math.min(from, length);
    const head = Math.min(Math.max(to, anchor), length);
    // Already selected (an edit inside the range maps the selection along with it): the view
    // stays as the user left it.
    const { main } = view.state.selection;
    if (main.anchor === anchor && main.head === head) return;
    view.dispatch({
      selection: { anchor, head },
      effects: EditorView.scrollIntoView(anchor, { y: "center" }),
      annotations: fromRelplay.of(true),
    });
  },

  // Selects a range and scrolls it into view (the Problems pane jumps with it).
  select(view, from, to) {
    const length = view.state.doc.length;
    const anchor = Math.min(from, length);
    view.dispatch({ selection: { anchor, head: Math.min(Math.max(to, anchor), length) }, scrollIntoView: true });
    view.focus();
  },

  // Applies a fix's edits (UTF-16 offsets) in one transaction.
  applyEdits(view, edits) {
    const length = view.state.doc.length;
    view.dispatch({ changes: edits.map((e) => ({ from: Math.min(e.from, length), to: Math.min(e.to, length), insert: e.insert })) });
  },

  async copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Clipboard access can be refused (no permission, insecure context): fall back to a textarea.
      const area = document.createElement("textarea");
      area.value = text;
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      return ok;
    }
  },

  download(fileName, text, mimeType) {
    const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
};

window.relplayEditor = api;
