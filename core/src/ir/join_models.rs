//! Explicit join models, recognised the same way whatever the source language.

use crate::ir::{RelationKind, Schema};
use std::collections::HashMap;

/// Marks explicit join models: entities whose primary key is exactly the FKs of two of their
/// one-to-many relations.
pub(crate) fn mark_join_entities(schema: &mut Schema) {
    // The one-to-many keys each entity owns, gathered in one pass over the relations.
    let mut owned: HashMap<&str, Vec<(usize, &Vec<String>)>> = HashMap::new();
    for (index, relation) in schema.relations.iter().enumerate() {
        if let Some(fk) = relation.foreign_key.as_ref().filter(|_| relation.kind == RelationKind::OneToMany) {
            owned.entry(fk.entity.as_str()).or_default().push((index, &fk.fields));
        }
    }
    let mut marks = Vec::new();
    for (entity_index, entity) in schema.entities.iter().enumerate() {
        let (Some(pk), Some(keys)) = (&entity.primary_key, owned.get(entity.name.as_str())) else { continue };
        'search: for (i, (first, first_fields)) in keys.iter().enumerate() {
            for (second, second_fields) in &keys[i + 1..] {
                let total = first_fields.len() + second_fields.len();
                let covers = first_fields.iter().chain(second_fields.iter()).all(|f| pk.fields.contains(f));
                let disjoint = first_fields.iter().all(|f| !second_fields.contains(f));
                if total == pk.fields.len() && covers && disjoint {
                    marks.push((entity_index, [*first, *second]));
                    break 'search;
                }
            }
        }
    }
    for (entity_index, join_of) in marks {
        schema.entities[entity_index].join_of = Some(join_of);
    }
}
