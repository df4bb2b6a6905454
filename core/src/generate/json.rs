//! The IR as JSON (`docs/ir.md`), with anchors for each entity and relation object.

use super::{Anchor, Generated, SchemaItem};
use crate::ir::Schema;
use crate::span::Span;
use serde::Serialize;

/// Pretty JSON of `value` as it appears nested `depth` levels deep in the whole document.
fn nested_text<T: Serialize>(value: &T, depth: usize) -> String {
    let text = serde_json::to_string_pretty(value).expect("the IR always serialises");
    let indent = "  ".repeat(depth);
    text.lines()
        .enumerate()
        .map(|(i, line)| if i == 0 { line.to_string() } else { format!("{indent}{line}") })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn generate(schema: &Schema) -> Generated {
    let text = serde_json::to_string_pretty(schema).expect("the IR always serialises") + "\n";
    let mut anchors = Vec::new();
    // Entities and relations are array items two levels deep; they appear in order, so each search
    // starts where the previous one ended.
    let mut from = 0;
    let items = schema
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (SchemaItem::Entity(i), nested_text(e, 2)))
        .chain(schema.relations.iter().enumerate().map(|(i, r)| (SchemaItem::Relation(i), nested_text(r, 2))));
    for (item, object) in items {
        if let Some(offset) = text[from..].find(&object) {
            let start = from + offset;
            anchors.push(Anchor { item, span: Span::new(start, start + object.len()) });
            from = start + object.len();
        }
    }
    Generated { text, diagnostics: Vec::new(), anchors }
}
