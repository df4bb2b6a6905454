//! The relation recipes as a module the app's worker loads on demand: a visitor who never opens
//! the "Use it" pane never fetches them. The worker passes the schema it read, the target and
//! the selected item as JSON, and gets back the pane's answer as JSON.

use relplay_core::generate::Target;
use relplay_core::ir::{Schema, SchemaItem};
use wasm_bindgen::prelude::*;

/// The "Use it" pane's content (the JSON of [`relplay_core::service::RecipesPane`]) for
/// `schema` (the JSON of [`Schema`]), `target` and `item` (JSON of a target and of an optional
/// schema item); `None` when an argument is not what the worker sends.
#[wasm_bindgen(js_name = recipesView)]
pub fn recipes_view(schema: &str, target: &str, item: &str) -> Option<String> {
    let schema: Schema = serde_json::from_str(schema).ok()?;
    let target: Target = serde_json::from_str(target).ok()?;
    let item: Option<SchemaItem> = serde_json::from_str(item).ok()?;
    serde_json::to_string(&relplay_core::recipes::view(&schema, target, item)).ok()
}

#[cfg(test)]
mod tests {
    use relplay_core::service::RecipesPane;

    #[test]
    fn answers_as_the_core_does_through_json() {
        let text = "model User {\n  id Int @id\n  posts Post[]\n}\nmodel Post {\n  id Int @id\n  authorId Int\n  author User @relation(fields: [authorId], references: [id])\n}\n";
        let schema = relplay_core::analyze(text, relplay_core::SourceLanguage::Prisma).schema;
        let target = relplay_core::generate::Target::Sequelize(Default::default());
        let json = super::recipes_view(&serde_json::to_string(&schema).unwrap(), &serde_json::to_string(&target).unwrap(), "null").unwrap();
        let pane: RecipesPane = serde_json::from_str(&json).unwrap();
        assert_eq!(pane, relplay_core::recipes::view(&schema, target, None));
        assert_eq!(pane.relation, Some(0));
        assert!(pane.text.contains("await author.countPosts()"), "{}", pane.text);
        assert_eq!(super::recipes_view("not json", "null", "null"), None);
    }
}
