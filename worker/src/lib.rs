//! The core in the app's Web Worker (`js/core-worker.js`): requests come in as JSON
//! ([`relplay_core::service::Request`]), replies go out as JSON. The Prisma reader, validation,
//! generators and layout are built in; the SQL and ORM code readers are the readers' module
//! (`readers/`), which the worker script loads the first time [`reader_needed`] names a language
//! and then passes to [`answer`].

mod bench;

use relplay_core::service::{Request, Service};
use relplay_core::{Analysis, SourceLanguage};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static SERVICE: RefCell<Service> = RefCell::new(Service::new());
}

/// The registry id of the language the readers' module must read for `request` (`sql:mysql`,
/// `typeorm`…), or `None` when this module answers by itself (Prisma, or a text already read).
#[wasm_bindgen]
pub fn reader_needed(request: &str) -> Option<String> {
    let request: Request = serde_json::from_str(request).ok()?;
    let needed = SERVICE.with(|service| service.borrow().needs_reading(&request)) && !relplay_core::reads(request.language);
    needed.then(|| request.language.as_str().to_string())
}

/// The reply to `request`, as JSON. `read` is the readers' `analyze(text, language)` (returning
/// the analysis as JSON), or `undefined` while it is not needed.
#[wasm_bindgen]
pub fn answer(request: &str, read: Option<js_sys::Function>) -> Result<String, JsError> {
    let request: Request = serde_json::from_str(request).map_err(|e| JsError::new(&format!("a malformed request: {e}")))?;
    let reply = SERVICE.with(|service| {
        service.borrow_mut().answer_with(&request, |text, language| match &read {
            Some(read) => read_with(read, text, language),
            None => relplay_core::analyze(text, language),
        })
    });
    serde_json::to_string(&reply).map_err(|e| JsError::new(&e.to_string()))
}

fn read_with(read: &js_sys::Function, text: &str, language: SourceLanguage) -> Analysis {
    let answer = read.call2(&JsValue::NULL, &JsValue::from_str(text), &JsValue::from_str(language.as_str()));
    answer
        .ok()
        .and_then(|value| value.as_string())
        .and_then(|json| serde_json::from_str(&json).ok())
        // A reader that did not answer leaves the note that it is being loaded.
        .unwrap_or_else(|| relplay_core::analyze(text, language))
}

#[cfg(test)]
mod tests {
    #[test]
    fn answers_prisma_itself_and_names_the_reader_for_other_languages() {
        let prisma = r#"{"id":1,"language":"prisma","source":"model A {\n  id Int @id\n}\n","views":[]}"#;
        assert_eq!(super::reader_needed(prisma), None);
        let reply: relplay_core::service::Reply = serde_json::from_str(&super::answer(prisma, None).unwrap()).unwrap();
        assert_eq!(reply.reading.unwrap().outline.entities[0].name, "A");
        let typeorm = serde_json::to_string(&relplay_core::service::Request {
            id: 2,
            language: relplay_core::SourceLanguage::TypeOrm,
            source: "x".into(),
            views: vec![],
        })
        .unwrap();
        // Built in a workspace where another crate turns the core's readers on, it reads TypeORM
        // itself; built alone (as for the app), it asks for the readers' module.
        let expected = (!relplay_core::reads(relplay_core::SourceLanguage::TypeOrm)).then_some("typeorm");
        assert_eq!(super::reader_needed(&typeorm).as_deref(), expected);
    }
}
