//! Key rules: a primary key identifies every row, so none of its fields may be null; and every
//! model needs some way to identify a row (a primary key or a unique criterion of required fields).

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::{EmbeddedField, NavigationCardinality, Provider};
use std::collections::HashMap;

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    // MongoDB's `id Key @id @map("_id")`: a composite type's document as the model's id.
    let embedded_ids: HashMap<&str, &EmbeddedField> =
        context.schema.embedded_fields.iter().filter(|f| f.is_id()).map(|f| (f.owner.as_str(), f)).collect();
    for entity in &context.schema.entities {
        let required = |fields: &[String]| fields.iter().all(|f| entity.field(f).is_some_and(|f| !f.nullable && !f.list));
        if let Some(pk) = &entity.primary_key {
            let optional: Vec<String> =
                pk.fields.iter().filter(|f| entity.field(f).is_some_and(|f| f.nullable || f.list)).cloned().collect();
            if !optional.is_empty() {
                diagnostics.push(catalog::optional_primary_key(pk.span, &entity.name, &optional));
            }
        }
        let embedded_id = embedded_ids.get(entity.name.as_str());
        if let Some(field) = embedded_id.filter(|f| f.cardinality != NavigationCardinality::One) {
            diagnostics.push(catalog::optional_primary_key(field.span, &entity.name, std::slice::from_ref(&field.name)));
        }
        let identified = entity.primary_key.as_ref().is_some_and(|pk| required(&pk.fields))
            || entity.uniques.iter().any(|u| required(&u.fields))
            || embedded_id.is_some();
        let mongodb = context.schema.provider == Some(Provider::Mongodb);
        if mongodb && entity.primary_key.is_none() && embedded_id.is_none() {
            // A unique field does not stand in for MongoDB's `_id`.
            diagnostics.push(catalog::mongodb_model_without_id(entity.name_span, &entity.name));
        } else if !identified {
            diagnostics.push(catalog::model_without_unique_criterion(entity.name_span, &entity.name));
        }
    }
}
