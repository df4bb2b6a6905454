//! The core in the app's Web Worker (`js/core-worker.js`): requests come in as JSON
//! ([`relplay_core::service::Request`]), replies go out as JSON. The Prisma reader, validation,
//! generators and layout are built in; the SQL and ORM code readers are the readers' module
//! (`readers/`), which the worker script loads the first time [`answer`] says it needs it, and
//! passes to [`answer`] from then on.

mod bench;

use relplay_core::generate::Target;
use relplay_core::ir::{Schema, SchemaItem};
use relplay_core::service::{RecipesPane, Request, Service};
use relplay_core::{Analysis, SourceLanguage};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static SERVICE: RefCell<Service> = RefCell::new(Service::new());
}

/// The reply to `request`, as JSON. `read` is the readers' `analyze(text, language)` (returning
/// the analysis as JSON), `recipes` the recipes' `recipesView(schema, target, item)`. Without the
/// module a request needs (SQL or ORM code not read yet, the "Use it" pane), the answer is the
/// name of that module, `"readers"` or `"recipes"`: load it and ask again with it.
#[wasm_bindgen]
pub fn answer(request: &str, read: Option<js_sys::Function>, recipes: Option<js_sys::Function>) -> Result<String, JsError> {
    let request: Request = serde_json::from_str(request).map_err(|e| JsError::new(&format!("a malformed request: {e}")))?;
    let reply = SERVICE.with(|service| {
        let mut service = service.borrow_mut();
        if read.is_none() && !relplay_core::reads(request.language) && service.needs_reading(&request) {
            return Err("readers");
        }
        if recipes.is_none() && Service::needs_recipes(&request) {
            return Err("recipes");
        }
        Ok(service.answer_with(
            &request,
            |text, language| match &read {
                Some(read) => read_with(read, text, language),
                None => relplay_core::analyze(text, language),
            },
            |schema, target, item| recipes_with(recipes.as_ref().expect("checked above"), schema, target, item),
        ))
    });
    match reply {
        Ok(reply) => serde_json::to_string(&reply).map_err(|e| JsError::new(&e.to_string())),
        Err(module) => Ok(module.to_string()),
    }
}

/// The recipes' module's answer for the "Use it" pane; an empty one if it did not answer.
fn recipes_with(recipes: &js_sys::Function, schema: &Schema, target: Target, item: Option<SchemaItem>) -> RecipesPane {
    let json = |text: serde_json::Result<String>| JsValue::from_str(&text.unwrap_or_default());
    // The schema as the IR pane writes it (pretty): the module then holds one instance of the
    // schema's serialiser, not two.
    recipes
        .call3(
            &JsValue::NULL,
            &json(serde_json::to_string_pretty(schema)),
            &json(serde_json::to_string(&target)),
            &json(serde_json::to_string(&item)),
        )
        .ok()
        .and_then(|value| value.as_string())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
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
    fn answers_prisma_itself_and_asks_for_the_readers_for_other_languages() {
        let prisma = r#"{"id":1,"language":"prisma","source":"model A {\n  id Int @id\n}\n","views":[]}"#;
        let reply: relplay_core::service::Reply =
            serde_json::from_str(&super::answer(prisma, None, None).unwrap()).expect("Prisma is read here");
        assert_eq!(reply.reading.unwrap().outline.entities[0].name, "A");
        let typeorm = serde_json::to_string(&relplay_core::service::Request {
            id: 2,
            language: relplay_core::SourceLanguage::TypeOrm,
            source: "x".into(),
            prisma: Default::default(),
            views: vec![],
        })
        .unwrap();
        // Built in a workspace where another crate turns the core's readers on, it reads TypeORM
        // itself; built alone (as for the app), it asks for the readers' module.
        let answered = super::answer(&typeorm, None, None).unwrap();
        assert_eq!(answered != "readers", relplay_core::reads(relplay_core::SourceLanguage::TypeOrm));
        // The "Use it" pane needs the recipes' module.
        let recipes =
            prisma.replace(r#""views":[]"#, r#""views":[{"recipes":{"target":{"target":"sql","options":"postgresql"},"item":null}}]"#);
        assert_eq!(super::answer(&recipes, None, None).unwrap(), "recipes");
    }
}
