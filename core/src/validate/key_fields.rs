//! Key field rules: the fields a key names exist on their entities, and its fields and referenced
//! fields pair up one to one.

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::declarations::{DeclaredEnd, PairShape};

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    let declarations = context.declarations;
    for &pair in &declarations.pairs {
        // The key of a to-one end; on MongoDB both ends of a many-to-many name theirs (a list of
        // the other side's ids), whose fields must exist as well (found by the mutation test).
        let owners: Vec<&DeclaredEnd> = match declarations.shape(pair, context.schema) {
            PairShape::ToOne { owner, .. } => vec![owner],
            PairShape::ManyToMany(a, b) => vec![a, b],
            _ => continue,
        };
        for owner in owners {
            check_key(context, owner, diagnostics);
        }
    }
}

/// The fields `owner`'s key names exist on its entity and the target's, and pair up one to one.
fn check_key(context: &Context, owner: &DeclaredEnd, diagnostics: &mut Vec<Diagnostic>) {
    let (Some(fields), Some(references)) = (&owner.fields, &owner.references) else { return };
    let (Some(owning), Some(target)) = (context.entities.get(owner.entity.as_str()), context.entities.get(owner.target.as_str())) else {
        return;
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
