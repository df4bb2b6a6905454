//! Rules on what a foreign key points at: a unique criterion of the referenced entity, fields of
//! the same types, and a relation field whose optionality matches the key's.

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::NavigationCardinality;

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    for keyed in context.keyed.iter() {
        let (owner, target, key) = (keyed.owner, keyed.target, keyed.key);
        if !target.is_unique_criterion(&key.referenced_fields) {
            diagnostics.push(catalog::references_not_unique(
                keyed.relation.span,
                context.profile.references_word(),
                &target.name,
                &context.profile.unique_remedy(&target.name, &key.referenced_fields),
            ));
        }
        for (field_name, referenced_name) in key.fields.iter().zip(&key.referenced_fields) {
            let (Some(field), Some(referenced)) = (owner.field(field_name), target.field(referenced_name)) else { continue };
            // MongoDB compares the stored values: an ObjectId never equals a string.
            let native = |f: &crate::ir::Field| f.native_type.as_ref().map(|t| t.name.clone());
            if context.schema.provider == Some(crate::ir::Provider::Mongodb)
                && field.field_type == referenced.field_type
                && native(field) != native(referenced)
            {
                diagnostics.push(catalog::document_key_native_type_mismatch(
                    field.span,
                    &format!("{}.{}", owner.name, field.name),
                    native(field).as_deref(),
                    &format!("{}.{}", target.name, referenced.name),
                    native(referenced).as_deref(),
                ));
            }
            if field.field_type != referenced.field_type {
                diagnostics.push(catalog::foreign_key_type_mismatch(
                    field.span,
                    &field.name,
                    &owner.name,
                    &context.profile.type_name(&field.field_type),
                    &referenced.name,
                    &target.name,
                    &context.profile.type_name(&referenced.field_type),
                ));
            }
        }
        if let Some(owner_navigation) =
            context.navigation(&keyed.relation.owning_side).filter(|n| n.cardinality == NavigationCardinality::One)
        {
            let optional: Vec<String> = key.fields.iter().filter(|f| owner.field(f).is_some_and(|f| f.nullable)).cloned().collect();
            if !optional.is_empty() {
                diagnostics.push(catalog::optional_fields_required_relation(
                    owner_navigation.span,
                    &owner_navigation.name,
                    &owner.name,
                    &optional,
                ));
            }
        }
    }
}
