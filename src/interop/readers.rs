//! The ORM code readers' module (`js/readers.js`, `window.relplayReaders`), loaded on first use.

use relplay_core::{Analysis, SourceLanguage};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = relplayReaders, js_name = analyze)]
    fn analyze_in_module(text: &str, language: &str) -> Option<String>;
    #[wasm_bindgen(js_namespace = relplayReaders, js_name = load)]
    fn load_module(done: &Closure<dyn FnMut(bool)>);
}

/// The analysis of ORM code by the readers' module, or `None` while it is not loaded.
pub fn analyze(text: &str, language: SourceLanguage) -> Option<Analysis> {
    let json = analyze_in_module(text, language.as_str())?;
    serde_json::from_str(&json).ok()
}

/// Loads the readers' module; `done` runs once it is ready (with whether it loaded).
pub fn load(done: impl FnMut(bool) + 'static) {
    let closure = Closure::<dyn FnMut(bool)>::new(done);
    load_module(&closure);
    closure.forget();
}
