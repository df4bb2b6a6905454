//! Bindings to `window.relplayEditor` (see `js/editor.js`).

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = createEditor)]
    fn create_editor(
        parent: &web_sys::HtmlElement,
        doc: &str,
        language: &str,
        on_change: &Closure<dyn Fn(String)>,
        on_cursor: &Closure<dyn Fn(u32)>,
        on_definition: &Closure<dyn Fn(u32)>,
        on_hover: &Closure<dyn Fn(u32, js_sys::Function)>,
        on_format: &Closure<dyn Fn()>,
    ) -> JsValue;
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = createOutput)]
    fn create_output(parent: &web_sys::HtmlElement, language: &str, on_cursor: &Closure<dyn Fn(u32)>) -> JsValue;
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = highlight)]
    fn highlight(view: &JsValue, from: u32, to: u32);
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = setText)]
    fn set_text(view: &JsValue, text: &str);
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = setLanguage)]
    fn set_language(view: &JsValue, language: &str);
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = setReadOnly)]
    fn set_read_only(view: &JsValue, read_only: bool);
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = setCompletionTables)]
    fn set_completion_tables(view: &JsValue, tables: JsValue);
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = setDiagnostics)]
    fn set_diagnostics(view: &JsValue, diagnostics: JsValue);
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = select)]
    fn select(view: &JsValue, from: u32, to: u32);
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = applyEdits)]
    fn apply_edits(view: &JsValue, edits: JsValue);
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = copy)]
    fn copy_text(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = download)]
    fn download_text(file_name: &str, text: &str, mime_type: &str);
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = ruleDocs)]
    fn rule_docs_then(then: &JsValue);
}

/// What the Problems pane shows of a rule's documentation.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct RuleSummary {
    pub title: String,
    pub why_it_matters: String,
}

/// Fetches the rules' documentation (once, `rule-docs.json`) and gives `then` its summaries by code.
pub fn load_rule_docs(then: impl FnOnce(std::collections::HashMap<String, RuleSummary>) + 'static) {
    let callback = Closure::once_into_js(move |docs: JsValue| {
        if let Ok(docs) = serde_wasm_bindgen::from_value(docs) {
            then(docs);
        }
    });
    rule_docs_then(&callback);
}

/// Where the editor waits for a hover: called once with what to show, or with nothing.
pub struct HoverAnswer(js_sys::Function);

impl HoverAnswer {
    /// Shows `hover` (a located hover, with UTF-16 offsets), or nothing when it is `None`.
    pub fn give<T: Serialize>(self, hover: Option<&T>) {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        let value = hover.and_then(|hover| hover.serialize(&serializer).ok()).unwrap_or(JsValue::NULL);
        let _ = self.0.call1(&JsValue::NULL, &value);
    }
}

/// What the source editor tells the app.
pub struct EditorEvents {
    /// The whole text, after each change.
    pub change: Box<dyn Fn(String)>,
    /// The cursor's UTF-16 offset, when the user moves it.
    pub cursor: Box<dyn Fn(u32)>,
    /// Where the user asks to go to a definition (F12, Ctrl/Cmd+click).
    pub definition: Box<dyn Fn(u32)>,
    /// Where the pointer rests, with where to give the hover.
    pub hover: Box<dyn Fn(u32, HoverAnswer)>,
    /// The user asks to lay the document out (Shift+Alt+F).
    pub format: Box<dyn Fn()>,
}

/// A CodeMirror view, editable (the source) or read-only (an output).
#[derive(Clone)]
pub struct CodeView {
    view: JsValue,
}

impl CodeView {
    /// An editable editor in `parent`, telling `events` what the user does.
    pub fn editor(parent: &web_sys::HtmlElement, text: &str, language: &str, events: EditorEvents) -> CodeView {
        let EditorEvents { change, cursor, definition, hover, format } = events;
        let change = Closure::<dyn Fn(String)>::new(change);
        let cursor = Closure::<dyn Fn(u32)>::new(cursor);
        let definition = Closure::<dyn Fn(u32)>::new(definition);
        let hover = Closure::<dyn Fn(u32, js_sys::Function)>::new(move |offset, answer| hover(offset, HoverAnswer(answer)));
        let format = Closure::<dyn Fn()>::new(format);
        let view = create_editor(parent, text, language, &change, &cursor, &definition, &hover, &format);
        // The editor lives as long as the page, and so do its callbacks.
        change.forget();
        cursor.forget();
        definition.forget();
        hover.forget();
        format.forget();
        CodeView { view }
    }

    /// A read-only view; `on_click` receives the UTF-16 offset the user clicked.
    pub fn output(parent: &web_sys::HtmlElement, language: &str, on_click: impl Fn(u32) + 'static) -> CodeView {
        let click = Closure::<dyn Fn(u32)>::new(on_click);
        let view = create_output(parent, language, &click);
        click.forget();
        CodeView { view }
    }

    /// Shows a UTF-16 range as selected without taking the focus.
    pub fn highlight(&self, from: usize, to: usize) {
        highlight(&self.view, from as u32, to as u32);
    }

    pub fn set_text(&self, text: &str) {
        set_text(&self.view, text);
    }

    pub fn set_read_only(&self, read_only: bool) {
        set_read_only(&self.view, read_only);
    }

    pub fn set_language(&self, language: &str) {
        set_language(&self.view, language);
    }

    /// Shows diagnostics (any serialisable list with CodeMirror's UTF-16 `from`/`to`).
    pub fn set_diagnostics<T: Serialize>(&self, diagnostics: &T) {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        if let Ok(value) = diagnostics.serialize(&serializer) {
            set_diagnostics(&self.view, value);
        }
    }

    /// The tables (`{name, columns}`) the SQL editor completes after `REFERENCES`.
    pub fn set_completion_tables<T: Serialize>(&self, tables: &T) {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        if let Ok(value) = tables.serialize(&serializer) {
            set_completion_tables(&self.view, value);
        }
    }

    pub fn select(&self, from: usize, to: usize) {
        select(&self.view, from as u32, to as u32);
    }

    pub fn apply_edits<T: Serialize>(&self, edits: &T) {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        if let Ok(value) = edits.serialize(&serializer) {
            apply_edits(&self.view, value);
        }
    }
}

/// Copies text to the clipboard (falls back to a hidden textarea where the API is refused).
pub fn copy_to_clipboard(text: &str) {
    let _ = copy_text(text);
}

/// Offers `text` as a file download.
pub fn download(file_name: &str, text: &str, mime_type: &str) {
    download_text(file_name, text, mime_type);
}
