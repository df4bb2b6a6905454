//! Implicit many-to-many rules: its join table is made for it, so neither end gives a key or
//! actions (it always cascades), and each entity needs a single-field primary key to reference.
//! MongoDB has no join tables: there each end keeps a list of the other side's ids (`fields:
//! [tagIds]`), and a many-to-many without them is an error.

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::declarations::{DeclaredEnd, PairShape};
use crate::ir::Provider;

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    let declarations = context.declarations;
    for &pair in &declarations.pairs {
        let PairShape::ManyToMany(a, b) = declarations.shape(pair, context.schema) else { continue };
        if context.schema.provider == Some(Provider::Mongodb) {
            check_id_lists(context, a, b, diagnostics);
            continue;
        }
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

/// On MongoDB both ends hold `fields: [list]` and `references: [id]`, the list being a scalar list.
fn check_id_lists(context: &Context, a: &DeclaredEnd, b: &DeclaredEnd, diagnostics: &mut Vec<Diagnostic>) {
    if !a.defines_key() && !b.defines_key() {
        diagnostics.push(catalog::many_to_many_without_id_lists(a.span, &a.entity, &a.name));
        return;
    }
    for end in [a, b] {
        let list = end.fields.as_deref().and_then(|fields| match fields {
            [field] => context.entities.get(end.entity.as_str()).and_then(|e| e.field(&field.value)),
            _ => None,
        });
        if !list.is_some_and(|field| field.list) || end.references.as_ref().is_none_or(|r| r.len() != 1) {
            diagnostics.push(catalog::many_to_many_without_id_lists(end.span, &end.entity, &end.name));
        }
        if end.has_actions() {
            diagnostics.push(catalog::implicit_many_to_many_with_actions(end.span));
        }
    }
}
