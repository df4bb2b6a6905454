//! Rules for emulated relations (`relationMode = "prisma"`): without foreign keys the database
//! makes no index for them, so a lookup by the key scans the table unless the schema adds one.

use super::Context;
use crate::diagnostic::{catalog, Diagnostic};
use crate::ir::{Entity, RelationMode};

/// Whether some key or index of `entity` starts with exactly `fields` (in any order).
fn has_index_starting_with(entity: &Entity, fields: &[String]) -> bool {
    let starts_with = |columns: &[String]| columns.len() >= fields.len() && fields.iter().all(|f| columns[..fields.len()].contains(f));
    entity.primary_key.as_ref().is_some_and(|pk| starts_with(&pk.fields))
        || entity.uniques.iter().any(|u| starts_with(&u.fields))
        || entity.indexes.iter().any(|i| starts_with(&i.fields))
}

pub(super) fn check(context: &Context, diagnostics: &mut Vec<Diagnostic>) {
    let schema = context.schema;
    // MongoDB indexes no key by itself either, and Prisma does not ask for one there.
    if schema.relation_mode != RelationMode::Prisma || schema.provider == Some(crate::ir::Provider::Mongodb) {
        return;
    }
    for keyed in context.keyed.iter() {
        if !has_index_starting_with(keyed.owner, &keyed.key.fields) {
            diagnostics.push(catalog::emulated_relation_without_index(keyed.relation.span, &keyed.owner.name, &keyed.key.fields));
        }
    }
}
