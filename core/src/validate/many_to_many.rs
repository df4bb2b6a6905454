//! Implicit many-to-many rules: its join table is made for it, so neither end gives a key or
//! actions (it always cascades), and each entity needs a single-field primary key to reference.

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::declarations::PairShape;

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    let declarations = context.declarations;
    for &pair in &declarations.pairs {
        let PairShape::ManyToMany(a, b) = declarations.shape(pair, context.schema) else { continue };
        for end in [a, b] {
            if end.defines_key() {
                diagnostics.push(catalog::implicit_many_to_many_with_fields(end.span));
            }
            if end.has_actions() {
                diagnostics.push(catalog::implicit_many_to_many_with_actions(end.span));
            }
        }
        for (end, other) in [(a, b), (b, a)] {
            let Some(referenced) = context.entities.get(end.entity.as_str()) else { continue };
            if referenced.primary_key.as_ref().is_none_or(|pk| pk.fields.len() != 1) {
                diagnostics.push(catalog::many_to_many_without_id(other.span, &other.name, &other.entity, &referenced.name));
            }
        }
    }
}
