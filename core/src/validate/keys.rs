//! Key rules: a primary key identifies every row, so none of its fields may be null; and every
//! model needs some way to identify a row (a primary key or a unique criterion of required fields).

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    for entity in &context.schema.entities {
        let required = |fields: &[String]| fields.iter().all(|f| entity.field(f).is_some_and(|f| !f.nullable && !f.list));
        if let Some(pk) = &entity.primary_key {
            let optional: Vec<String> =
                pk.fields.iter().filter(|f| entity.field(f).is_some_and(|f| f.nullable || f.list)).cloned().collect();
            if !optional.is_empty() {
                diagnostics.push(catalog::optional_primary_key(pk.span, &entity.name, &optional));
            }
        }
        let identified =
            entity.primary_key.as_ref().is_some_and(|pk| required(&pk.fields)) || entity.uniques.iter().any(|u| required(&u.fields));
        if !identified {
            diagnostics.push(catalog::model_without_unique_criterion(entity.name_span, &entity.name));
        }
    }
}
