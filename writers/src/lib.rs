//! The core with every generator, as the app's worker runs it once a request needs more than the
//! first module (`worker/`) holds: an output pane, a language switch, the "Use it" pane. Requests
//! come in as JSON ([`relplay_core::service::Request`]), replies go out as JSON. Built alone it
//! reads Prisma; the readers' module (`readers/`) is this same code built with the SQL and ORM
//! code readers, and answers every language.

use relplay_core::generate::{generate, Target};
use relplay_core::ir::{Schema, SchemaItem};
use relplay_core::service::{RecipesPane, Request, Service};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static SERVICE: RefCell<Service> = RefCell::new(Service::new());
}

/// The reply to `request`, as JSON. `recipes` is the recipes' module's `recipesView(schema,
/// target, item)`. When the request needs what this build does not hold, the answer is the name
/// of the module that does: `"readers"` (a language this build does not read) or `"recipes"`
/// (the "Use it" pane, before that module is loaded): load it and ask it, or ask again with it.
#[wasm_bindgen]
pub fn answer(request: &str, recipes: Option<js_sys::Function>) -> Result<String, JsError> {
    let request: Request = serde_json::from_str(request).map_err(|e| JsError::new(&format!("a malformed request: {e}")))?;
    if !relplay_core::reads(request.language) {
        return Ok("readers".into());
    }
    if recipes.is_none() && Service::needs_recipes(&request) {
        return Ok("recipes".into());
    }
    let reply = SERVICE.with(|service| {
        service.borrow_mut().answer_with(
            &request,
            relplay_core::analyze,
            |schema, target, item| recipes.as_ref().map(|r| recipes_with(r, schema, target, item)).unwrap_or_default(),
            generate,
        )
    });
    serde_json::to_string(&reply).map_err(|e| JsError::new(&e.to_string()))
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

#[cfg(test)]
mod tests {
    use relplay_core::service::Reply;

    const PRISMA: &str = r#"{"id":1,"language":"prisma","source":"model A {\n  id Int @id\n}\n","views":[{"output":{"target":{"target":"sql","options":"postgresql"}}}]}"#;

    #[test]
    fn writes_the_outputs_and_asks_for_the_recipes_module() {
        let reply: Reply = serde_json::from_str(&super::answer(PRISMA, None).unwrap()).expect("a reply");
        assert_eq!(reply.reading.unwrap().outline.entities[0].name, "A");
        assert!(matches!(&reply.views[0], relplay_core::service::ViewReply::Output { text, .. } if text.contains("CREATE TABLE \"A\"")));
        let recipes = PRISMA.replace(
            r#"{"output":{"target":{"target":"sql","options":"postgresql"}}}"#,
            r#"{"recipes":{"target":{"target":"sql","options":"postgresql"},"item":null}}"#,
        );
        assert_eq!(super::answer(&recipes, None).unwrap(), "recipes");
    }

    #[test]
    fn names_the_readers_module_for_a_language_this_build_does_not_read() {
        let sql = PRISMA.replace(r#""language":"prisma""#, r#""language":{"sql":"postgresql"}"#);
        let answered = super::answer(&sql, None).unwrap();
        // Built in a workspace where another crate turns the core's readers on, it reads SQL
        // itself; built alone (as for the app), it names the readers' module.
        assert_eq!(
            answered == "readers",
            !relplay_core::reads(relplay_core::SourceLanguage::Sql(relplay_core::generate::SqlDialect::Postgresql))
        );
    }
}
