//! The core in the app's Web Worker (`js/core-worker.js`), as a first visit fetches it: the
//! Prisma reader, validation, the diagram, the editor's hover and Format. Requests come in as JSON
//! ([`relplay_core::service::Request`]), replies go out as JSON. What it does not hold it names
//! instead of answering: `"writers"` for an output pane, a language switch or the "Use it" pane
//! (`writers/`: every generator), `"readers"` for SQL and ORM code (`readers/`: the writers with
//! the SQL and ORM code readers). The worker script then loads that module and asks it from then
//! on, so a visitor who only reads and draws Prisma never fetches the generators.

mod bench;

use relplay_core::service::{RecipesPane, Request, Service};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static SERVICE: RefCell<Service> = RefCell::new(Service::new());
}

/// The reply to `request` as JSON, or the name of the module that answers it (`"writers"`,
/// `"readers"`).
#[wasm_bindgen]
pub fn answer(request: &str) -> Result<String, JsError> {
    let request = read_request(request).map_err(|e| JsError::new(&format!("a malformed request: {e}")))?;
    if !relplay_core::reads(request.language) {
        return Ok("readers".into());
    }
    if Service::needs_writers(&request) {
        return Ok("writers".into());
    }
    let reply = SERVICE.with(|service| {
        // Neither the recipes nor a generator is asked for (needs_writers above), so neither is
        // built into this module.
        service.borrow_mut().answer_with(&request, relplay_core::analyze, |_, _, _| RecipesPane::default(), |_, _| Default::default())
    });
    serde_json::to_string(&reply).map_err(|e| JsError::new(&e.to_string()))
}

/// The request's JSON read: in the module by the browser's parser and serde-wasm-bindgen (a JSON
/// reader of its own would weigh kilobytes of the first visit), natively (tests) by serde_json.
fn read_request(json: &str) -> Result<Request, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let value = js_sys::JSON::parse(json).map_err(|_| "not JSON".to_string())?;
        serde_wasm_bindgen::from_value(value).map_err(|error| error.to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }
}

#[cfg(test)]
mod tests {
    const PRISMA: &str = r#"{"id":1,"language":"prisma","source":"model A {\n  id Int @id\n}\n","views":[{"diagram":{"positions":{}}}]}"#;

    #[test]
    fn reads_and_draws_prisma_and_names_the_module_for_the_rest() {
        let reply: relplay_core::service::Reply = serde_json::from_str(&super::answer(PRISMA).unwrap()).expect("Prisma is read here");
        assert_eq!(reply.reading.unwrap().outline.entities[0].name, "A");
        assert!(matches!(&reply.views[0], relplay_core::service::ViewReply::Diagram { svg } if svg.contains("data-entity=\"A\"")));
        let output = PRISMA.replace(r#"{"diagram":{"positions":{}}}"#, r#"{"output":{"target":{"target":"sql","options":"postgresql"}}}"#);
        assert_eq!(super::answer(&output).unwrap(), "writers");
        let recipes = PRISMA
            .replace(r#"{"diagram":{"positions":{}}}"#, r#"{"recipes":{"target":{"target":"sql","options":"postgresql"},"item":null}}"#);
        assert_eq!(super::answer(&recipes).unwrap(), "writers");
        let typeorm = PRISMA.replace(r#""language":"prisma""#, r#""language":"typeorm""#);
        // Built in a workspace where another crate turns the core's readers on, it reads TypeORM
        // itself; built alone (as for the app), it names the readers' module.
        assert_eq!(super::answer(&typeorm).unwrap() == "readers", !relplay_core::reads(relplay_core::SourceLanguage::TypeOrm));
    }
}
