//! Key field rules: the fields a key names exist on their entities, and its fields and referenced
//! fields pair up one to one.

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::declarations::PairShape;

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    let declarations = context.declarations;
    for &pair in &declarations.pairs {
        let PairShape::ToOne { owner, .. } = declarations.shape(pair, context.schema) else { continue };
        let (Some(fields), Some(references)) = (&owner.fields, &owner.references) else { continue };
        let (Some(owning), Some(target)) = (context.entities.get(owner.entity.as_str()), context.entities.get(owner.target.as_str()))
        else {
            continue;
        };
        for (argument, list, entity) in [("fields", fields, owning), ("references", references, target)] {
            for field in list.iter().filter(|f| entity.field(&f.value).is_none()) {
                diagnostics.push(catalog::unknown_relation_field(field.span, argument, &field.value, &entity.name));
            }
        }
        if fields.len() != references.len() {
            diagnostics.push(catalog::fields_references_arity(owner.span, fields.len(), references.len()));
        }
    }
}
